# SPDX-License-Identifier: GPL-3.0-or-later
# Several engines on one store: lane leases and per-account state (SQLite and PostgreSQL), and three
# headless engines on PostgreSQL against the amoCRM sandbox at 7 requests/s, one killed mid-run.
crmbridge_add_test(LaneLease LABEL integration)
crmbridge_add_test(MultiEngine LABEL integration TIMEOUT 600
    SOURCES tst_MultiEngine.cpp fixtures/amocrm/AmoTestKit.h LIBS crmbridge_sandbox Qt6::Network)
target_compile_definitions(tst_MultiEngine PRIVATE CRMBRIDGECTL_PATH="$<TARGET_FILE:crmbridgectl>")
add_dependencies(tst_MultiEngine crmbridgectl)
