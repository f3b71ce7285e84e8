"""PostgreSQL: the revisions' references checked once per statement, not once per row

Revision ID: 0009_references_per_statement
Revises: 0008_one_key_per_revision
Create Date: 2026-12-01

A foreign key on PostgreSQL is a trigger call and an index probe for every inserted
row: three per revision, most of a national load's time. The same three references
of `measurements` (indicator, unit, upload) are now checked by statement triggers
over the rows the statement wrote: the distinct parents are locked FOR KEY SHARE
(as a foreign key locks them, so none can be deleted before the commit) and a
missing one refuses the statement with the foreign-key error (SQLSTATE 23503). On
the parents' side, deleting (or renaming) a row that revisions still name is refused
the same way. SQLite keeps its foreign keys: it checks them in its own loop, cheaply.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009_references_per_statement"
down_revision: str | None = "0008_one_key_per_revision"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# column of measurements -> (parent table, its key, the key's array type, the constraint)
REFERENCES = {
    "indicator_code": ("indicators", "code", "text[]", "fk_measurements_indicator_code_indicators"),
    "unit_code": ("units", "code", "text[]", "fk_measurements_unit_code_units"),
    "upload_id": ("uploads", "id", "integer[]", "fk_measurements_upload_id_uploads"),
}


def _child_function() -> str:
    """Per reference: the distinct keys the statement wrote, their parents locked and
    counted; fewer parents than keys is a missing parent."""
    declare = "\n".join(f"  keys_{c} {kind};" for c, (_p, _k, kind, _n) in REFERENCES.items())
    checks = "\n".join(
        f"""
  SELECT array_agg(v) INTO keys_{column}
    FROM (SELECT DISTINCT n.{column} AS v FROM new_rows n WHERE n.{column} IS NOT NULL) AS d;
  SELECT count(*) INTO found
    FROM (SELECT 1 FROM {parent} p WHERE p.{key} = ANY(keys_{column}) FOR KEY SHARE) AS locked;
  IF found < coalesce(cardinality(keys_{column}), 0) THEN
    RAISE EXCEPTION 'insert or update on table "measurements" violates foreign key '
      'constraint "{name}"' USING ERRCODE = 'foreign_key_violation';
  END IF;"""
        for column, (parent, key, _kind, name) in REFERENCES.items()
    )
    return f"""
CREATE FUNCTION kpi_measurements_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  found bigint;
{declare}
BEGIN{checks}
  RETURN NULL;
END $$;
"""


def _parent_function(parent: str, key: str, kind: str, column: str, name: str) -> str:
    """The keys the statement removed (deleted, or renamed away) that revisions name."""
    return f"""
CREATE FUNCTION kpi_{parent}_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  gone {kind};
BEGIN
  SELECT array_agg(o.{key}) INTO gone FROM old_rows o
    WHERE NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.{key} = o.{key});
  IF gone IS NOT NULL AND EXISTS (SELECT 1 FROM measurements m WHERE m.{column} = ANY(gone))
  THEN
    RAISE EXCEPTION 'update or delete on table "{parent}" violates foreign key '
      'constraint "{name}" on table "measurements"' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_child_function())
    for event in ("INSERT", "UPDATE"):
        op.execute(
            f"CREATE TRIGGER measurements_references_{event.lower()} AFTER {event} ON "
            "measurements REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
            "EXECUTE FUNCTION kpi_measurements_references()"
        )
    for column, (parent, key, kind, name) in REFERENCES.items():
        op.execute(_parent_function(parent, key, kind, column, name))
        # a trigger with transition tables may not name columns: every UPDATE is looked
        # at, and only a key that no longer exists costs a look into the revisions
        for event in ("DELETE", "UPDATE"):
            op.execute(
                f"CREATE TRIGGER {parent}_referenced_{event.lower()} AFTER {event} ON "
                f"{parent} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT "
                f"EXECUTE FUNCTION kpi_{parent}_referenced()"
            )
        op.drop_constraint(name, "measurements", type_="foreignkey")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for column, (parent, key, _kind, name) in REFERENCES.items():
        for event in ("delete", "update"):
            op.execute(f"DROP TRIGGER {parent}_referenced_{event} ON {parent}")
        op.execute(f"DROP FUNCTION kpi_{parent}_referenced()")
        op.create_foreign_key(name, "measurements", parent, [column], [key])
    for event in ("insert", "update"):
        op.execute(f"DROP TRIGGER measurements_references_{event} ON measurements")
    op.execute("DROP FUNCTION kpi_measurements_references()")
