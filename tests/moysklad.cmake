# SPDX-License-Identifier: GPL-3.0-or-later
# The MoySklad source (core/source/moysklad) against the MoySklad sandbox over loopback.
crmbridge_add_test(MoySkladSource LABEL integration TIMEOUT 180
    SOURCES tst_MoySkladSource.cpp sandbox/tests/MoySkladTestClient.h LIBS crmbridge_sandbox Qt6::Network)
# The source in the running engine, into the amoCRM sandbox.
crmbridge_add_test(MoySkladEndToEnd LABEL integration TIMEOUT 300
    SOURCES tst_MoySkladEndToEnd.cpp fixtures/amocrm/AmoTestKit.h sandbox/tests/MoySkladTestClient.h
    LIBS crmbridge_sandbox Qt6::Network)
# crmbridgectl source add moysklad.
crmbridge_add_test(MoySkladCtl LABEL integration TIMEOUT 120 LIBS crmbridge_sandbox Qt6::Network)
target_compile_definitions(tst_MoySkladCtl PRIVATE CRMBRIDGECTL_PATH="$<TARGET_FILE:crmbridgectl>")
add_dependencies(tst_MoySkladCtl crmbridgectl)
# Retail sales as purchases on amoCRM customers, the running engine between the two sandboxes.
crmbridge_add_test(MoySkladPurchases LABEL integration TIMEOUT 300
    SOURCES tst_MoySkladPurchases.cpp fixtures/amocrm/AmoTestKit.h sandbox/tests/MoySkladTestClient.h
    LIBS crmbridge_sandbox Qt6::Network)
# MoySklad's webhooks through the intake, with the engine as `crmbridgectl run` hosts it.
crmbridge_add_test(MoySkladWebhooks LABEL integration TIMEOUT 300
    SOURCES tst_MoySkladWebhooks.cpp fixtures/amocrm/AmoTestKit.h sandbox/tests/MoySkladTestClient.h
    LIBS crmbridge_sandbox crmbridge_appcommon Qt6::Network)
# Bonus points set in amoCRM back to MoySklad (events polling → a bonus operation), the running engine
# between the two sandboxes.
crmbridge_add_test(MoySkladBonusBack LABEL integration TIMEOUT 300
    SOURCES tst_MoySkladBonusBack.cpp fixtures/amocrm/AmoTestKit.h sandbox/tests/MoySkladTestClient.h
    LIBS crmbridge_sandbox Qt6::Network)
# Products and folders into amoCRM's catalogue with seed 003's deletion rules, both sandboxes.
crmbridge_add_test(MoySkladCatalog LABEL integration TIMEOUT 300
    SOURCES tst_MoySkladCatalog.cpp fixtures/amocrm/AmoTestKit.h sandbox/tests/MoySkladTestClient.h
    LIBS crmbridge_sandbox Qt6::Network)
