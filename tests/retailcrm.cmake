# SPDX-License-Identifier: GPL-3.0-or-later
# The RetailCRM client: connector, engine, crmbridgectl, ICML and bulk upload, against the RetailCRM
# sandbox over loopback.
set(retail_kit fixtures/retailcrm/RetailTestKit.h fixtures/amocrm/AmoTestKit.h fixtures/amocrm/EngineTestKit.h
    sandbox/tests/RetailTestClient.h)
crmbridge_add_test(RetailCrmConnector LABEL integration TIMEOUT 180
    SOURCES tst_RetailCrmConnector.cpp ${retail_kit} LIBS crmbridge_sandbox Qt6::Network)
crmbridge_add_test(RetailCtl LABEL integration TIMEOUT 180
    SOURCES tst_RetailCtl.cpp support/CtlProcess.h ${retail_kit} LIBS crmbridge_sandbox Qt6::Network)
target_compile_definitions(tst_RetailCtl PRIVATE CRMBRIDGECTL_PATH="$<TARGET_FILE:crmbridgectl>")
add_dependencies(tst_RetailCtl crmbridgectl)
crmbridge_add_test(RetailSync LABEL integration TIMEOUT 180
    SOURCES tst_RetailSync.cpp ${retail_kit} LIBS crmbridge_sandbox Qt6::Network)
crmbridge_add_test(RetailCatalogUpload LABEL integration TIMEOUT 180
    SOURCES tst_RetailCatalogUpload.cpp support/CtlProcess.h ${retail_kit} LIBS crmbridge_sandbox Qt6::Network)
target_compile_definitions(tst_RetailCatalogUpload PRIVATE CRMBRIDGECTL_PATH="$<TARGET_FILE:crmbridgectl>")
add_dependencies(tst_RetailCatalogUpload crmbridgectl)
crmbridge_add_test(RetailContacts LABEL integration TIMEOUT 120
    SOURCES tst_RetailContacts.cpp ${retail_kit} LIBS crmbridge_sandbox Qt6::Network)
crmbridge_add_test(RetailBackSync LABEL integration TIMEOUT 180
    SOURCES tst_RetailBackSync.cpp fixtures/backsync/BackSyncTestKit.h ${retail_kit} LIBS crmbridge_sandbox Qt6::Network)
crmbridge_add_test(RetailCodecShapes LABEL unit)
crmbridge_add_test(RetailCustomFields LABEL integration TIMEOUT 120
    SOURCES tst_RetailCustomFields.cpp ${retail_kit} LIBS crmbridge_sandbox Qt6::Network)
# The ICML's offers for product variants (msOptionsPrice2 modifications), checked against the ICML rules.
crmbridge_add_test(IcmlVariants LABEL integration SOURCES tst_IcmlVariants.cpp)
