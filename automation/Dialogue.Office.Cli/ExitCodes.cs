namespace Dialogue.Office.Cli;

/// <summary>What the process exit code means; scripts can rely on these.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The input has errors (plan, delegate list, document rule broken); nothing or not everything was written.</summary>
    public const int InputErrors = 1;

    /// <summary>Bad command line.</summary>
    public const int Usage = 2;

    /// <summary>A remote service (SharePoint) refused or failed.</summary>
    public const int ServiceFailure = 3;

    /// <summary>Unexpected failure (a bug); details are in the log file.</summary>
    public const int Crash = 70;
}
