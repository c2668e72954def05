using CareDesk.Api;
using CareDesk.Api.Demo;
using CareDesk.Api.Infrastructure;

var app = CareDeskApp.Build(args);
await app.Services.MigrateDatabaseAsync();
await app.Services.SeedAsync();
await app.RunAsync();
