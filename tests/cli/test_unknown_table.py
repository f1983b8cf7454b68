"""A CSV file in a registry folder that is not one of the tables is refused, never skipped."""


def test_a_misspelt_table_is_unknown_table(run, tmp_path):
    tables = tmp_path / "tables"
    tables.mkdir()
    (tables / "units.csv").write_text("id,name,level\n12,Tỉnh Lai Châu,tinh\n", encoding="utf-8")
    (tables / "person.csv").write_text("id,name\np1,Lò Thị Hoa\n", encoding="utf-8")
    rc, out, err = run("validate", tables)
    assert rc == 1
    assert f"{tables / 'person.csv'}: error[unknown_table]: 'person.csv' is not a table of a registry" in err
