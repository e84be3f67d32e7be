# SPDX-License-Identifier: GPL-3.0-or-later
# Back-sync (CRM stage changes → shop, shop statuses → CRM stages): the amoCRM webhook reader, and the
# whole loop against the amoCRM sandbox, a miniShop2 shop on SQLite and the intake server.
crmbridge_add_test(AmoWebhookParser LABEL unit)
crmbridge_add_test(BackSync LABEL integration TIMEOUT 300
    SOURCES tst_BackSync.cpp fixtures/amocrm/AmoTestKit.h LIBS crmbridge_sandbox Qt6::Network)
