using Ambulo.Web.Common;
using Ambulo.Web.Data;
using Ambulo.Web.Features.History;
using Ambulo.Web.Features.Health;
using Ambulo.Web.Features.Home;
using Ambulo.Web.Features.SensorIngest;
using Ambulo.Web.Features.Session;
using Ambulo.Web.Features.Sensors;
using Ambulo.Web.Features.Sensors.Phone;
using Ambulo.Web.Features.Walking;

var builder = WebApplication.CreateBuilder(args);

builder.AddAmbuloData();
builder.AddAmbuloUi();
builder.Services.AddHomeFeature();
builder.Services.AddSessionFeature();
builder.Services.AddSensorsFeature();
builder.Services.AddHistoryFeature();
builder.Services.AddWalkingFeature();
builder.Services.AddSensorIngest(builder.Configuration);

var app = builder.Build();

await app.PrepareDatabaseAsync();
app.UseAmbuloUi();
app.MapHealth();
app.MapSessionApi();
app.MapSensorIngest();
app.MapPhoneLinkApi();
app.MapAmbuloUi();

await app.RunAsync();
