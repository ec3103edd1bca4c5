using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ambulo.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanWarningsAndOptionalEffort : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "Effort",
                table: "Ratings",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<bool>(
                name: "HelperRequired",
                table: "PlannedExercises",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Warnings",
                table: "PlannedExercises",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HelperRequired",
                table: "PlannedExercises");

            migrationBuilder.DropColumn(
                name: "Warnings",
                table: "PlannedExercises");

            migrationBuilder.AlterColumn<int>(
                name: "Effort",
                table: "Ratings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
