"""The postcode, constituency, MP and map-layout models, which began in the campaign app.

Their tables keep their names (each model's Meta.db_table), so this only tells Django's state where the
models now live: no table is created or altered and no row is copied. The content types move with them,
so permissions granted on these models (and the groups holding them) stay as they were.
"""

import django.db.models.deletion
from django.db import migrations, models

MODELS = ["constituency", "constituencyhex", "memberofparliament", "postcode", "postcodeimport"]


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.using(schema_editor.connection.alias).filter(
        app_label="campaign", model__in=MODELS
    ).update(app_label="geography")


def move_content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.using(schema_editor.connection.alias).filter(
        app_label="geography", model__in=MODELS
    ).update(app_label="campaign")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("campaign", "0006_finished_letters"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Constituency',
                    fields=[
                        ('code', models.CharField(max_length=9, primary_key=True, serialize=False, verbose_name='ONS code')),
                        ('name', models.CharField(max_length=120)),
                        ('country', models.CharField(blank=True, max_length=40)),
                    ],
                    options={
                        'verbose_name_plural': 'constituencies',
                        'db_table': 'campaign_constituency',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='Postcode',
                    fields=[
                        ('postcode', models.CharField(help_text="Normalised, e.g. 'AB10 1AB'.", max_length=8, primary_key=True, serialize=False)),
                        ('constituency_code', models.CharField(blank=True, db_index=True, max_length=9)),
                        ('country_code', models.CharField(blank=True, max_length=9)),
                        ('police_force_code', models.CharField(blank=True, max_length=9)),
                        ('terminated', models.CharField(blank=True, help_text='YYYYMM when no longer in use.', max_length=6)),
                    ],
                    options={
                        'verbose_name': 'postcode',
                        'db_table': 'campaign_postcode',
                    },
                ),
                migrations.CreateModel(
                    name='PostcodeImport',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('source', models.CharField(help_text="The file name, or 'demo' for the seed.", max_length=255)),
                        ('is_demo', models.BooleanField(default=False)),
                        ('imported_at', models.DateTimeField(auto_now_add=True)),
                        ('live', models.PositiveIntegerField(default=0)),
                        ('terminated', models.PositiveIntegerField(default=0)),
                        ('skipped', models.PositiveIntegerField(default=0)),
                    ],
                    options={
                        'db_table': 'campaign_postcodeimport',
                        'ordering': ['-imported_at'],
                        'get_latest_by': 'imported_at',
                    },
                ),
                migrations.CreateModel(
                    name='ConstituencyHex',
                    fields=[
                        ('code', models.CharField(help_text='The 2024 GSS code.', max_length=9, primary_key=True, serialize=False, verbose_name='ONS code')),
                        ('name', models.CharField(max_length=120)),
                        ('q', models.SmallIntegerField()),
                        ('r', models.SmallIntegerField()),
                        ('region', models.CharField(blank=True, help_text='ONS region (England) or nation code.', max_length=9)),
                        ('layout_code', models.CharField(blank=True, help_text='The code in the layout file, when it was not the 2024 code.', max_length=9)),
                        ('matched_by', models.CharField(choices=[('code', 'By ONS code'), ('name', 'By name'), ('none', 'Not in the reference list')], default='code', max_length=4)),
                    ],
                    options={
                        'verbose_name': 'constituency hexagon',
                        'db_table': 'campaign_constituencyhex',
                        'ordering': ['-r', 'q'],
                        'constraints': [models.UniqueConstraint(fields=('q', 'r'), name='one_hex_per_cell')],
                    },
                ),
                migrations.CreateModel(
                    name='MemberOfParliament',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(blank=True, help_text='Blank while the seat is vacant.', max_length=160)),
                        ('party', models.CharField(blank=True, max_length=120)),
                        ('email', models.EmailField(blank=True, max_length=254)),
                        ('parliament_id', models.PositiveIntegerField(blank=True, null=True)),
                        ('is_vacant', models.BooleanField(default=False)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('constituency', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='mp', to='geography.constituency')),
                    ],
                    options={
                        'verbose_name': 'MP',
                        'verbose_name_plural': 'MPs',
                        'db_table': 'campaign_memberofparliament',
                        'ordering': ['constituency__name'],
                    },
                ),
    
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
