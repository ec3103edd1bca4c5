using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ambulo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PhonePairingLastCountedRepetition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "LastCountedEndSeconds",
                table: "PhonePairings",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastCountedStreamId",
                table: "PhonePairings",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastCountedEndSeconds",
                table: "PhonePairings");

            migrationBuilder.DropColumn(
                name: "LastCountedStreamId",
                table: "PhonePairings");
        }
    }
}
