// Benchmarks are added per capability (invitations, consolidation); see README "Figures".
Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Dialogue.Office.Bench -- <benchmark> [options]");
return 2;
