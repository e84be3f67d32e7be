# SPDX-License-Identifier: GPL-3.0-or-later
# The sync engine: retry decisions, batch planning, and lanes end to end against the sandbox.
crmbridge_add_test(RetryPolicy LABEL unit)
crmbridge_add_test(BatchPlanner LABEL unit)
crmbridge_add_test(SyncEngine LABEL integration TIMEOUT 300
    SOURCES tst_SyncEngine.cpp fixtures/amocrm/AmoTestKit.h fixtures/amocrm/EngineTestKit.h
    LIBS crmbridge_sandbox Qt6::Network)
crmbridge_add_test(RunCtl LABEL integration TIMEOUT 300 LIBS crmbridge_sandbox Qt6::Network)
target_compile_definitions(tst_RunCtl PRIVATE CRMBRIDGECTL_PATH="$<TARGET_FILE:crmbridgectl>")
add_dependencies(tst_RunCtl crmbridgectl)
crmbridge_add_test(SourcePoller LABEL integration TIMEOUT 300
    SOURCES tst_SourcePoller.cpp fixtures/amocrm/AmoTestKit.h LIBS crmbridge_sandbox Qt6::Network)
crmbridge_add_test(DemoCtl LABEL integration TIMEOUT 180 LIBS Qt6::Network)
target_compile_definitions(tst_DemoCtl PRIVATE CRMBRIDGECTL_PATH="$<TARGET_FILE:crmbridgectl>")
add_dependencies(tst_DemoCtl crmbridgectl)
# kill -9 of the headless engine during a 2,000-order sync, ten times: one deal per order, no job left.
crmbridge_add_test(EngineCrash LABEL engine TIMEOUT 600 LIBS crmbridge_sandbox Qt6::Network)
target_compile_definitions(tst_EngineCrash PRIVATE CRMBRIDGECTL_PATH="$<TARGET_FILE:crmbridgectl>")
add_dependencies(tst_EngineCrash crmbridgectl)
# Exactly once when the CRM fails half-way: a note 500 after the deals (retried, or failed and resent),
# a lost create answer with the engine's clock 10 minutes off: one deal per order, each with its note.
# kill -9 of `crmbridgectl run` mid-send with its clock 10 minutes off; a live shop at 7 requests/s with
# kills, note failures and a resend: one deal per order, none lost.
crmbridge_add_test(EngineOnceKill LABEL engine TIMEOUT 900 LIBS crmbridge_sandbox Qt6::Network)
target_compile_definitions(tst_EngineOnceKill PRIVATE CRMBRIDGECTL_PATH="$<TARGET_FILE:crmbridgectl>")
add_dependencies(tst_EngineOnceKill crmbridgectl)
foreach(name EngineHooks EngineSync EngineOnce)
    crmbridge_add_test(${name} LABEL integration TIMEOUT 300
        SOURCES tst_${name}.cpp fixtures/amocrm/AmoTestKit.h fixtures/amocrm/EngineTestKit.h
        LIBS crmbridge_sandbox Qt6::Network)
endforeach()
crmbridge_add_test(EngineCtl LABEL integration)
target_compile_definitions(tst_EngineCtl PRIVATE CRMBRIDGECTL_PATH="$<TARGET_FILE:crmbridgectl>")
add_dependencies(tst_EngineCtl crmbridgectl)
# One shop, amoCRM and RetailCRM at once: every order reaches each CRM once, also across a crash.
crmbridge_add_test(EngineFanOut LABEL integration TIMEOUT 300
    SOURCES tst_EngineFanOut.cpp fixtures/amocrm/AmoTestKit.h fixtures/amocrm/EngineTestKit.h
        fixtures/retailcrm/RetailTestKit.h sandbox/tests/RetailTestClient.h
    LIBS crmbridge_sandbox Qt6::Network)
# The shop's catalogue in the amoCRM sandbox through the running engine (issue 21).
crmbridge_add_test(CatalogSync LABEL integration TIMEOUT 300
    SOURCES tst_CatalogSync.cpp fixtures/amocrm/AmoTestKit.h LIBS crmbridge_sandbox Qt6::Network)
# crmbridgectl catalog sync --dry-run | sync | status.
crmbridge_add_test(CatalogCtl LABEL integration TIMEOUT 180
    SOURCES tst_CatalogCtl.cpp support/CtlProcess.h fixtures/amocrm/AmoTestKit.h LIBS crmbridge_sandbox Qt6::Network)
target_compile_definitions(tst_CatalogCtl PRIVATE CRMBRIDGECTL_PATH="$<TARGET_FILE:crmbridgectl>")
add_dependencies(tst_CatalogCtl crmbridgectl)
# A 1C-Bitrix shop on MariaDB (utf8mb4 and cp1251) into amoCRM and RetailCRM, back-sync included.
crmbridge_add_test(BitrixEndToEnd LABEL integration TIMEOUT 300
    SOURCES tst_BitrixEndToEnd.cpp fixtures/amocrm/AmoTestKit.h fixtures/amocrm/EngineTestKit.h
        fixtures/retailcrm/RetailTestKit.h sandbox/tests/RetailTestClient.h
    LIBS crmbridge_sandbox Qt6::Network)
crmbridge_add_test(HistoricLoad LABEL integration GUI)
target_compile_definitions(tst_HistoricLoad PRIVATE CRMBRIDGECTL_PATH="$<TARGET_FILE:crmbridgectl>")
add_dependencies(tst_HistoricLoad crmbridgectl)

# The historic load end to end, every step a crmbridgectl process killed midway and resumed.
crmbridge_add_test(HistoricLoadEndToEnd LABEL engine TIMEOUT 900 LIBS crmbridge_sandbox Qt6::Network)
target_compile_definitions(tst_HistoricLoadEndToEnd PRIVATE CRMBRIDGECTL_PATH="$<TARGET_FILE:crmbridgectl>")
add_dependencies(tst_HistoricLoadEndToEnd crmbridgectl)
