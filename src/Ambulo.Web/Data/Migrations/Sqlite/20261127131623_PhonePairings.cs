using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ambulo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PhonePairings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PhonePairings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    SensorSessionId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PairedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhonePairings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PhonePairings_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PhonePairings_SessionId",
                table: "PhonePairings",
                column: "SessionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PhonePairings_TokenHash",
                table: "PhonePairings",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PhonePairings");
        }
    }
}
