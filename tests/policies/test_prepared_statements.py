"""On PostgreSQL a query the app repeats is prepared, so it is planned once per connection.

The review queue's queries took longer to plan than to run; Django turns psycopg's
prepared statements off unless ``prepare_threshold`` is set, which is easy to lose.
"""

import pytest
from django.db import connection

from policies.models import Organisation
from tests.factories import OrganisationFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def test_a_query_run_repeatedly_is_prepared_and_served_from_a_generic_plan():
    organisation = OrganisationFactory()
    for _ in range(12):
        assert Organisation.objects.filter(slug=organisation.slug).count() == 1
    with connection.cursor() as cursor:
        cursor.execute("SELECT generic_plans + custom_plans FROM pg_prepared_statements WHERE statement LIKE %s",
                       ['%FROM "policies_organisation"%'])
        runs = [row[0] for row in cursor.fetchall()]
    assert runs and max(runs) >= 6, "the repeated query was never prepared: check DATABASES OPTIONS"
