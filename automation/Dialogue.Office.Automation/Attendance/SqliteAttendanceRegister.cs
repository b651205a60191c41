using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Dialogue.Office.Automation.Attendance;

/// <summary>
/// The register in one SQLite file (WAL, synchronous=FULL): a write returns only after its transaction is committed, so
/// an acknowledged answer survives the process being killed. Writes are serialized inside the process; readers never
/// wait for them (WAL).
/// </summary>
public sealed class SqliteAttendanceRegister : IAttendanceRegister, IDisposable
{
    /// <summary>The file name in the host's data folder.</summary>
    public const string FileName = "attendance.db";

    private readonly string _connectionString;
    private readonly SemaphoreSlim _write = new(1, 1);

    public SqliteAttendanceRegister(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS answers (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                conference TEXT NOT NULL,
                delegate TEXT NOT NULL,
                status INTEGER NOT NULL,
                substitute_name TEXT NOT NULL DEFAULT '',
                substitute_position TEXT NOT NULL DEFAULT '',
                reason TEXT NOT NULL DEFAULT '',
                at TEXT NOT NULL,
                source TEXT NOT NULL DEFAULT '');
            CREATE INDEX IF NOT EXISTS answers_delegate ON answers (conference, delegate, id);
            CREATE TABLE IF NOT EXISTS checkins (
                conference TEXT NOT NULL,
                delegate TEXT NOT NULL,
                venue TEXT NOT NULL,
                at TEXT NOT NULL,
                method TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (conference, delegate));
            """);
    }

    /// <summary>The database file (absolute).</summary>
    public string Path { get; }

    public async Task AnswerAsync(AttendanceAnswer answer, CancellationToken cancellationToken = default)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            await using var connection = Open();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO answers (conference, delegate, status, substitute_name, substitute_position, reason, at, source)
                VALUES ($c, $d, $s, $n, $p, $r, $at, $src);
                """;
            command.Parameters.AddWithValue("$c", Key(answer.ConferenceCode));
            command.Parameters.AddWithValue("$d", Key(answer.DelegateCode));
            command.Parameters.AddWithValue("$s", (int)answer.Status);
            command.Parameters.AddWithValue("$n", answer.SubstituteName);
            command.Parameters.AddWithValue("$p", answer.SubstitutePosition);
            command.Parameters.AddWithValue("$r", answer.Reason);
            command.Parameters.AddWithValue("$at", Time(answer.At));
            command.Parameters.AddWithValue("$src", answer.Source);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _write.Release();
        }
    }

    public async Task<IReadOnlyList<AttendanceAnswer>> HistoryAsync(string conferenceCode, string delegateCode, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        return await HistoryAsync(connection, conferenceCode, delegateCode, cancellationToken);
    }

    /// <summary>A delegate's answers oldest first, on the answers_delegate index.</summary>
    private static async Task<List<AttendanceAnswer>> HistoryAsync(SqliteConnection connection, string conferenceCode, string delegateCode, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT conference, delegate, status, substitute_name, substitute_position, reason, at, source
            FROM answers WHERE conference = $c AND delegate = $d ORDER BY id;
            """;
        command.Parameters.AddWithValue("$c", Key(conferenceCode));
        command.Parameters.AddWithValue("$d", Key(delegateCode));
        var list = new List<AttendanceAnswer>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(ReadAnswer(reader));
        }

        return list;
    }

    public async Task<DelegateRecord> DelegateAsync(string conferenceCode, string delegateCode, CancellationToken cancellationToken = default)
    {
        // Both reads are on indexes: answers_delegate (conference, delegate, id) and the check-ins' primary key.
        AttendanceCheckIn? checkIn = null;
        await using var connection = Open();
        var history = await HistoryAsync(connection, conferenceCode, delegateCode, cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT conference, delegate, venue, at, method FROM checkins WHERE conference = $c AND delegate = $d;";
            command.Parameters.AddWithValue("$c", Key(conferenceCode));
            command.Parameters.AddWithValue("$d", Key(delegateCode));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                checkIn = ReadCheckIn(reader);
            }
        }

        return new DelegateRecord(Key(delegateCode), history, checkIn);
    }

    public async Task<CheckInOutcome> CheckInAsync(AttendanceCheckIn checkIn, CancellationToken cancellationToken = default)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            await using var connection = Open();
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO checkins (conference, delegate, venue, at, method) VALUES ($c, $d, $v, $at, $m)
                ON CONFLICT (conference, delegate) DO NOTHING;
                """;
            insert.Parameters.AddWithValue("$c", Key(checkIn.ConferenceCode));
            insert.Parameters.AddWithValue("$d", Key(checkIn.DelegateCode));
            insert.Parameters.AddWithValue("$v", checkIn.VenueId);
            insert.Parameters.AddWithValue("$at", Time(checkIn.At));
            insert.Parameters.AddWithValue("$m", checkIn.Method);
            var added = await insert.ExecuteNonQueryAsync(cancellationToken);
            if (added == 1)
            {
                return new CheckInOutcome(checkIn, false);
            }

            await using var select = connection.CreateCommand();
            select.CommandText = "SELECT conference, delegate, venue, at, method FROM checkins WHERE conference = $c AND delegate = $d;";
            select.Parameters.AddWithValue("$c", Key(checkIn.ConferenceCode));
            select.Parameters.AddWithValue("$d", Key(checkIn.DelegateCode));
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new CheckInOutcome(ReadCheckIn(reader), true);
        }
        finally
        {
            _write.Release();
        }
    }

    public async Task<IReadOnlyDictionary<string, DelegateAttendance>> SnapshotAsync(string conferenceCode, CancellationToken cancellationToken = default)
    {
        var answers = new Dictionary<string, AttendanceAnswer>(StringComparer.OrdinalIgnoreCase);
        var checkIns = new Dictionary<string, AttendanceCheckIn>(StringComparer.OrdinalIgnoreCase);
        await using var connection = Open();
        await using (var command = connection.CreateCommand())
        {
            // The latest answer of each delegate (highest id).
            command.CommandText = """
                SELECT conference, delegate, status, substitute_name, substitute_position, reason, at, source FROM answers
                WHERE id IN (SELECT MAX(id) FROM answers WHERE conference = $c GROUP BY delegate);
                """;
            command.Parameters.AddWithValue("$c", Key(conferenceCode));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var a = ReadAnswer(reader);
                answers[a.DelegateCode] = a;
            }
        }

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT conference, delegate, venue, at, method FROM checkins WHERE conference = $c;";
            command.Parameters.AddWithValue("$c", Key(conferenceCode));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var c = ReadCheckIn(reader);
                checkIns[c.DelegateCode] = c;
            }
        }

        return answers.Keys.Union(checkIns.Keys, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(k => k, k => new DelegateAttendance(k, answers.GetValueOrDefault(k), checkIns.GetValueOrDefault(k)), StringComparer.OrdinalIgnoreCase);
    }

    public void Dispose()
    {
        _write.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();

        // Per connection: a commit is on disk (WAL fsync) before the call returns.
        Execute(connection, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Key(string code) => code.Trim().ToUpperInvariant();

    private static string Time(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static AttendanceAnswer ReadAnswer(SqliteDataReader r) => new()
    {
        ConferenceCode = r.GetString(0),
        DelegateCode = r.GetString(1),
        Status = (AttendanceStatus)r.GetInt32(2),
        SubstituteName = r.GetString(3),
        SubstitutePosition = r.GetString(4),
        Reason = r.GetString(5),
        At = DateTimeOffset.Parse(r.GetString(6), CultureInfo.InvariantCulture),
        Source = r.GetString(7),
    };

    private static AttendanceCheckIn ReadCheckIn(SqliteDataReader r) => new()
    {
        ConferenceCode = r.GetString(0),
        DelegateCode = r.GetString(1),
        VenueId = r.GetString(2),
        At = DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture),
        Method = r.GetString(4),
    };
}
