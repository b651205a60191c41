using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Seating;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Seating;

public sealed class SeatingTests
{
    private static ConferencePlan Plan => TestPlans.Sample;

    private static bool InHall(ConferencePlan plan, ConferenceDelegate d) =>
        string.Equals(d.VenueId, plan.MainHall.Id, StringComparison.OrdinalIgnoreCase);

    private static SeatingPlan Assign(ConferencePlan plan)
    {
        var problems = new ProblemList();
        var seating = SeatingGenerator.Assign(plan, problems);
        Assert.False(problems.HasErrors, string.Join("; ", problems.Items));
        return seating!;
    }

    private static Venue Hall(int presidium, int rows, int seatsPerRow, int[] blocks, int reserved) =>
        Plan.MainHall with { Layout = new HallLayout { PresidiumSeats = presidium, Rows = rows, SeatsPerRow = seatsPerRow, Blocks = blocks, ReservedFrontRows = reserved } };

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void Assign_SamplePlan_EveryInPersonDelegateSeatedExactlyOnceAndBridgePointsNot(int seed)
    {
        var plan = seed == 0 ? Plan : TestPlans.With(Plan, delegates: TestPlans.Shuffled(Plan.Delegates, seed));
        var seating = Assign(plan);

        var inHall = plan.Delegates.Where(d => InHall(plan, d)).Select(d => d.Code).OrderBy(c => c).ToList();
        Assert.Equal(inHall, seating.Assignments.Select(a => a.Delegate.Code).OrderBy(c => c));
        Assert.Equal(seating.Assignments.Count, seating.Assignments.Select(a => a.Seat).Distinct().Count());
        var layout = plan.MainHall.Layout!;
        Assert.All(seating.Assignments, a => Assert.True(a.Seat.Area == SeatArea.Presidium
            ? a.Seat.Number is >= 1 && a.Seat.Number <= layout.PresidiumSeats
            : a.Seat.RowIndex >= 0 && a.Seat.RowIndex < layout.Rows && a.Seat.Number >= 1 && a.Seat.Number <= layout.SeatsPerRow));
        Assert.All(plan.Delegates.Where(d => !InHall(plan, d)), d => Assert.False(seating.SeatsByCode.ContainsKey(d.Code)));
        Assert.Contains(plan.Delegates, d => !InHall(plan, d));
    }

    [Fact]
    public void Assign_ShuffledList_GivesLeadersTheSameSeats()
    {
        var ordered = Assign(Plan).SeatsByCode;
        var shuffled = Assign(TestPlans.With(Plan, delegates: TestPlans.Shuffled(Plan.Delegates, 11))).SeatsByCode;

        var leaders = Plan.Delegates.Where(d => InHall(Plan, d) && d.Group <= ProtocolGroup.Departments).Select(d => d.Code).ToList();
        Assert.NotEmpty(leaders);
        Assert.All(leaders, c => Assert.Equal(ordered[c], shuffled[c]));
    }

    [Fact]
    public void Assign_SamplePlan_PresidiumByRankFromTheCentre()
    {
        var seating = Assign(Plan);
        var layout = Plan.MainHall.Layout!;
        var members = ProtocolOrder.Sort(Plan.Delegates.Where(d => InHall(Plan, d) && d.IsPresidium)).Take(layout.PresidiumSeats).ToList();
        Assert.True(members.Count >= 3);

        var seatOf = seating.Assignments.ToDictionary(a => a.Delegate.Code, a => a.Seat);
        Assert.All(members, m => Assert.Equal(SeatArea.Presidium, seatOf[m.Code].Area));
        // Seats are numbered by protocol: 01 the chair (drawn in the middle of the table), 02, 03 … in rank order.
        Assert.Equal(Enumerable.Range(1, members.Count), members.Select(m => seatOf[m.Code].Number));
        Assert.Equal("Bàn Đoàn Chủ tịch – Ghế 01", seating.SeatsByCode[members[0].Code]);
    }

    [Fact]
    public void Assign_SamplePlan_FrontRowsTakeTheNextHighestRanksAndUnitsSitTogether()
    {
        var seating = Assign(Plan);
        var layout = Plan.MainHall.Layout!;
        var rest = ProtocolOrder.Sort(Plan.Delegates.Where(d => InHall(Plan, d))).OrderBy(SeatAssigner.SeatingBucket)
            .Where(d => !(seating.SeatsByCode[d.Code].StartsWith("Bàn", StringComparison.Ordinal)))
            .Where(d => d.Group != ProtocolGroup.Press).ToList();
        var front = layout.ReservedFrontRows * layout.SeatsPerRow;
        var seatOf = seating.Assignments.ToDictionary(a => a.Delegate.Code, a => a.Seat);

        Assert.Equal("Hàng A – Ghế " + ((layout.SeatsPerRow + 1) / 2).ToString("00", System.Globalization.CultureInfo.InvariantCulture), seating.SeatsByCode[rest[0].Code]);
        Assert.All(rest.Take(front), d => Assert.True(seatOf[d.Code].RowIndex < layout.ReservedFrontRows));
        Assert.All(rest.Skip(front), d => Assert.True(seatOf[d.Code].RowIndex >= layout.ReservedFrontRows));

        // Behind the reserved rows, an organization's members occupy consecutive seats in the fill order.
        var pressSeats = seating.Assignments.Where(a => a.Delegate.Group == ProtocolGroup.Press).Select(a => a.Seat).ToHashSet();
        var order = SeatAssigner.RowOrder(layout, layout.ReservedFrontRows).Where(s => !pressSeats.Contains(s)).ToList();
        var position = order.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        var multi = rest.Skip(front).GroupBy(d => d.Organization).Where(g => g.Key.Length > 0 && g.Count() > 1).ToList();
        Assert.NotEmpty(multi);
        foreach (var org in multi)
        {
            var places = org.Select(d => position[seatOf[d.Code]]).OrderBy(p => p).ToList();
            Assert.Equal(places.Count - 1, places[^1] - places[0]);
        }
    }

    [Fact]
    public void Assign_SamplePlan_PressSitsAtTheBackOfTheOuterBlock()
    {
        var seating = Assign(Plan);
        var layout = Plan.MainHall.Layout!;
        var press = seating.Assignments.Where(a => a.Delegate.Group == ProtocolGroup.Press).ToList();
        var others = seating.Assignments.Where(a => a.Delegate.Group != ProtocolGroup.Press && a.Seat.Area == SeatArea.Hall).ToList();
        Assert.NotEmpty(press);

        var outerStart = layout.SeatsPerRow - layout.Blocks[^1] + 1;
        Assert.All(press, a => Assert.True(a.Seat.Number >= outerStart && a.Seat.RowIndex >= layout.ReservedFrontRows));
        Assert.True(press.Min(a => a.Seat.RowIndex) >= others.Where(a => a.Seat.Number >= outerStart).Max(a => a.Seat.RowIndex) - 1);
    }

    [Fact]
    public void Assign_MoreDelegatesThanSeats_ErrorNamesHowManyAreMissing()
    {
        var plan = TestPlans.With(Plan, mainHall: Hall(presidium: 3, rows: 10, seatsPerRow: 10, blocks: [3, 4, 3], reserved: 2));
        var inHall = plan.Delegates.Count(d => InHall(plan, d));
        var atTable = Math.Min(3, plan.Delegates.Count(d => InHall(plan, d) && d.IsPresidium));
        var missing = inHall - (atTable + 100);
        Assert.True(missing > 0);

        using var dir = new TempDir();
        var result = SeatingGenerator.Generate(new SeatingRequest(plan, dir.Path));

        Assert.Null(result.Path);
        Assert.Empty(result.SeatsByCode);
        var problem = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal("SEATING_TOO_MANY", problem.Code);
        Assert.Equal(missing.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.Args[0]);
        Assert.StartsWith($"Hội trường thiếu {missing} chỗ ngồi", problem.Message, StringComparison.Ordinal);
        Assert.Contains(result.Problems, p => p.Code == "SEATING_PRESIDIUM_FULL" && !p.IsError);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Assign_ExactlyFull_SeatsEveryone()
    {
        var inHall = Plan.Delegates.Count(d => InHall(Plan, d));
        var atTable = Plan.Delegates.Count(d => InHall(Plan, d) && d.IsPresidium);
        var seatsNeeded = inHall - atTable;
        // One row per 10 seats, the last row short by whatever does not fit: capacity = exactly the delegates.
        Assert.Equal(0, seatsNeeded % 2);
        var plan = TestPlans.With(Plan, mainHall: Hall(presidium: atTable, rows: seatsNeeded / 2, seatsPerRow: 2, blocks: [1, 1], reserved: 1));

        var seating = Assign(plan);

        Assert.Equal(inHall, seating.Assignments.Count);
    }

    [Fact]
    public void Assign_NoLayout_Error()
    {
        var problems = new ProblemList();
        var seating = SeatingGenerator.Assign(TestPlans.With(Plan, mainHall: Plan.MainHall with { Layout = null }), problems);

        Assert.Null(seating);
        Assert.Equal("SEATING_NO_LAYOUT", Assert.Single(problems.Items).Code);
    }

    [Theory]
    [InlineData(9, new[] { 5, 4, 6, 3, 7, 2, 8, 1, 9 })]
    [InlineData(4, new[] { 2, 3, 1, 4 })]
    [InlineData(1, new[] { 1 })]
    public void CentreOut_OrdersSeatsFromTheMiddleAlternately(int n, int[] expected) =>
        Assert.Equal(expected, SeatAssigner.CentreOut(n));

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    public void RowLetter_FollowsTheAlphabetThenDoubles(int index, string letter) =>
        Assert.Equal(letter, Seat.RowLetter(index));

    [Fact]
    public void Generate_SamplePlan_WritesGridAndListAsTextPrintReady()
    {
        using var dir = new TempDir();
        // A name that looks like a formula must stay text.
        var victim = Plan.Delegates.First(d => InHall(Plan, d) && d.Kind == AddresseeKind.Person && d.Group == ProtocolGroup.Sector);
        var delegates = Plan.Delegates.Select(d => ReferenceEquals(d, victim) ? d with { FullName = "=HYPERLINK(\"x\")" } : d).ToList();
        var plan = TestPlans.With(Plan, delegates: delegates);

        var result = SeatingGenerator.Generate(new SeatingRequest(plan, dir.Path));

        Assert.False(result.HasErrors);
        using (var doc = SpreadsheetDocument.Open(result.Path!, false))
        {
            Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(doc));
            Assert.Empty(doc.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()));
            Assert.All(doc.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()).Where(c => c.CellValue is not null),
                c => Assert.True(c.DataType?.Value is CellValues.SharedString or CellValues.InlineString or CellValues.String, c.CellReference));
            var grid = doc.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First();
            Assert.Equal("Sơ đồ", grid.Name!.Value);
            var gridPart = (WorksheetPart)doc.WorkbookPart.GetPartById(grid.Id!);
            var setup = gridPart.Worksheet.GetFirstChild<PageSetup>()!;
            Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
            Assert.Equal(8U, setup.PaperSize!.Value); // A3
            Assert.True(gridPart.Worksheet.GetFirstChild<SheetProperties>()?.PageSetupProperties?.FitToPage?.Value == true);
        }

        var sheets = XlsxReader.Read(result.Path!);
        var list = sheets.Single(s => s.Name == "Danh sách");
        var seated = plan.Delegates.Count(d => InHall(plan, d));
        Assert.Equal(seated, list.Rows.Count - 1);
        Assert.Contains(list.Rows, r => r[1] == "=HYPERLINK(\"x\")");
        // Each seat label appears once, and matches the seat map handed to the invitations.
        var labels = list.Rows.Skip(1).Select(r => r[4]!).ToList();
        Assert.Equal(labels.Count, labels.Distinct().Count());
        Assert.All(list.Rows.Skip(1), r => Assert.Equal(result.SeatsByCode[r[5]!], r[4]));
        // Persons sorted by given name (the last word), Vietnamese order.
        var given = list.Rows.Skip(1).Where(r => r[1] != "Đại diện lãnh đạo").Select(r => SeatingChartWriter.GivenName(r[1]!)).ToList();
        var compare = StringComparer.Create(global::Dialogue.Office.Automation.Vietnamese.VietnameseText.Culture, System.Globalization.CompareOptions.IgnoreCase);
        Assert.Equal(given.OrderBy(g => g, compare), given);

        var gridCells = sheets.Single(s => s.Name == "Sơ đồ").Rows.SelectMany(r => r.Cells).Where(c => !string.IsNullOrEmpty(c)).ToList();
        Assert.Contains("SÂN KHẤU", gridCells);
        Assert.Contains("Hàng A", gridCells);
        var someone = plan.Delegates.First(d => InHall(plan, d) && d.Kind == AddresseeKind.Person && d.Group == ProtocolGroup.Sector);
        Assert.Contains(gridCells, c => c!.StartsWith(someone.FullName + "\n", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Generate_SamplePlan_LibreOfficeConvertsTheChart()
    {
        using var dir = new TempDir();
        var result = SeatingGenerator.Generate(new SeatingRequest(Plan, dir.Path));

        var pdf = ExternalTools.ConvertWithLibreOffice(result.Path!, Path.Combine(dir.Path, "pdf"));

        Assert.True(new FileInfo(pdf).Length > 10_000);
    }

    [Fact]
    public void Messages_EverySeatingCodeHasVietnameseText()
    {
        foreach (var code in new[] { "SEATING_NO_LAYOUT", "SEATING_TOO_MANY", "SEATING_PRESIDIUM_FULL", "SEATING_NO_DELEGATES" })
        {
            Assert.True(ProblemMessages.All.ContainsKey(code), code);
        }
    }
}
