using GeoAI.Bench;

return Cli.Run(args);
