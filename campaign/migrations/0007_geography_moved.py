"""Postcodes, constituencies, MPs and the map layout now belong to the geography app (its 0001 says how):
the letter counts point at geography's Constituency, which is the same table, so nothing in the database
changes here."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0006_finished_letters"),
        ("geography", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="lettercount",
                    name="constituency",
                    field=models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="letter_count",
                        serialize=False,
                        to="geography.constituency",
                    ),
                ),
                migrations.RemoveField(
                    model_name="memberofparliament",
                    name="constituency",
                ),
                migrations.AlterField(
                    model_name="letterweek",
                    name="constituency",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="letter_weeks",
                        to="geography.constituency",
                    ),
                ),
                migrations.DeleteModel(
                    name="ConstituencyHex",
                ),
                migrations.DeleteModel(
                    name="Postcode",
                ),
                migrations.DeleteModel(
                    name="PostcodeImport",
                ),
                migrations.DeleteModel(
                    name="MemberOfParliament",
                ),
                migrations.DeleteModel(
                    name="Constituency",
                ),
            ],
        ),
    ]
