# SPDX-License-Identifier: GPL-3.0-or-later
# Several engines on one store: lane leases and per-account state (SQLite and PostgreSQL), and three
# headless engines on PostgreSQL against the amoCRM sandbox at 7 requests/s, one killed mid-run.
crmbridge_add_test(LaneLease LABEL integration)
crmbridge_add_test(MultiEngine LABEL integration TIMEOUT 600
