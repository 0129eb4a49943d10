"""Test helper: each system's person-bearing records in one common shape,
parsed straight from the raw layouts, joined to the truth. Used to measure
recording-error rates from the extracts themselves (not from the config)."""

from __future__ import annotations

# One select per person-bearing table: record_key, forename, surname,
# date_of_birth (date), postcode. Malformed rows are excluded by the caller.
PERSON_SQL = {
    ("libra", "defendant_case"): """
        select cast(defendant_case_id as varchar) as record_key,
               file_row_number,
               trim(split_part(split_part(defendant_name, ',', 2), ' ', 2)) as forename,
               trim(split_part(defendant_name, ',', 1)) as surname,
               try_strptime(date_of_birth, '%d/%m/%Y')::date as date_of_birth,
               postcode
        from raw_libra__defendant_case""",
    ("xhibit", "defendants"): """
        select cast(defendant_on_case_id as varchar), file_row_number, forename_1, surname,
               cast(date_of_birth as date), postcode
        from raw_xhibit__defendants""",
    ("nomis", "offenders"): """
        select cast(offender_id as varchar), file_row_number, first_name, last_name,
               birth_date, null
        from raw_nomis__offenders""",
    ("delius", "offender"): """
        select cast(o.offender_id as varchar), o.file_row_number, first_name, surname,
               try_strptime(date_of_birth, '%Y-%m-%d')::date,
               (select a.postcode from raw_delius__offender_address as a
                where a.offender_id = o.offender_id
                order by a.start_date, a.offender_address_id limit 1)
        from raw_delius__offender as o""",
    ("oasys", "offender"): """
        select cast(offender_pk as varchar), file_row_number, forename_1, family_name,
               date_of_birth, null
        from raw_oasys__offender""",
}


def person_records(con, system: str, table: str):
    """Rows: record_key, person_key, record_date, forename, surname, dob,
    postcode, true forename, true surname at the record date, true dob;
    malformed rows left out."""
    sql = PERSON_SQL[(system, table)]
    return con.execute(
        f"""
        with rec(record_key, file_row_number, forename, surname, date_of_birth, postcode) as (
            {sql}
        ),
        bad as (
            select row_number as file_row_number from truth_malformed_rows
            where source_system = '{system}' and source_table = '{table}'
        )
        select rec.*, pr.person_key, pr.record_date,
               p.forename as true_forename,
               case when p.surname_change_date <= pr.record_date then p.new_surname
                    else p.surname end as true_surname,
               p.date_of_birth as true_dob
        from rec
        inner join truth_person_records as pr
            on pr.source_system = '{system}' and pr.source_table = '{table}'
            and pr.record_key = rec.record_key
        inner join truth_people as p on p.person_key = pr.person_key
        where rec.file_row_number not in (select file_row_number from bad)
        """
    ).fetchall()
