using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ambulo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Patients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProfileJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Patients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DailyPrograms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatientId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GeneratedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyPrograms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DailyPrograms_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlannedExercises",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DailyProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    ExerciseId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Sets = table.Column<int>(type: "INTEGER", nullable: false),
                    RepetitionsPerSet = table.Column<int>(type: "INTEGER", nullable: false),
                    TempoSeconds = table.Column<double>(type: "REAL", nullable: false),
                    RestBetweenSetsSeconds = table.Column<double>(type: "REAL", nullable: false),
                    TargetRangeOfMotionDegrees = table.Column<double>(type: "REAL", nullable: true),
                    Instructions = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedExercises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlannedExercises_DailyPrograms_DailyProgramId",
                        column: x => x.DailyProgramId,
                        principalTable: "DailyPrograms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Sessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatientId = table.Column<int>(type: "INTEGER", nullable: false),
                    DailyProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CurrentPlannedExerciseId = table.Column<int>(type: "INTEGER", nullable: true),
                    CurrentSet = table.Column<int>(type: "INTEGER", nullable: false),
                    RestEndsUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SensorSource = table.Column<string>(type: "TEXT", nullable: true),
                    Points = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sessions_DailyPrograms_DailyProgramId",
                        column: x => x.DailyProgramId,
                        principalTable: "DailyPrograms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ratings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedExerciseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Effort = table.Column<int>(type: "INTEGER", nullable: false),
                    PainOrDizziness = table.Column<bool>(type: "INTEGER", nullable: false),
                    RatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ratings_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Repetitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedExerciseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExerciseId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SetNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    CountedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RangeOfMotionDegrees = table.Column<double>(type: "REAL", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Repetitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Repetitions_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DailyPrograms_PatientId_Day",
                table: "DailyPrograms",
                columns: new[] { "PatientId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlannedExercises_DailyProgramId",
                table: "PlannedExercises",
                column: "DailyProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_SessionId_PlannedExerciseId",
                table: "Ratings",
                columns: new[] { "SessionId", "PlannedExerciseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Repetitions_CountedUtc",
                table: "Repetitions",
                column: "CountedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Repetitions_SessionId_PlannedExerciseId_SetNumber_Number",
                table: "Repetitions",
                columns: new[] { "SessionId", "PlannedExerciseId", "SetNumber", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_DailyProgramId",
                table: "Sessions",
                column: "DailyProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_PatientId_Status",
                table: "Sessions",
                columns: new[] { "PatientId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlannedExercises");

            migrationBuilder.DropTable(
                name: "Ratings");

            migrationBuilder.DropTable(
                name: "Repetitions");

            migrationBuilder.DropTable(
                name: "Sessions");

            migrationBuilder.DropTable(
                name: "DailyPrograms");

            migrationBuilder.DropTable(
                name: "Patients");
        }
    }
}
