# SPDX-License-Identifier: GPL-3.0-or-later
# Back-sync (CRM stage changes → shop, shop statuses → CRM stages): the amoCRM webhook reader, and the
# whole loop against the amoCRM sandbox, a miniShop2 shop on SQLite and the intake server.
crmbridge_add_test(AmoWebhookParser LABEL unit)
crmbridge_add_test(BackSync LABEL integration TIMEOUT 300
    SOURCES tst_BackSync.cpp fixtures/amocrm/AmoTestKit.h fixtures/backsync/BackSyncTestKit.h LIBS crmbridge_sandbox Qt6::Network)
crmbridge_add_test(BackSyncCtl LABEL integration TIMEOUT 180 LIBS crmbridge_sandbox Qt6::Network)
target_compile_definitions(tst_BackSyncCtl PRIVATE CRMBRIDGECTL_PATH="$<TARGET_FILE:crmbridgectl>")
add_dependencies(tst_BackSyncCtl crmbridgectl)
