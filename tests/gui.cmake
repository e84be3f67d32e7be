# SPDX-License-Identifier: GPL-3.0-or-later
# The operator's console on the offscreen platform.
crmbridge_add_test(MainWindow LABEL gui GUI)
crmbridge_add_test(QueuePage LABEL gui GUI)
crmbridge_add_test(LogPage LABEL gui GUI)
crmbridge_add_test(MappingPage LABEL gui GUI)
crmbridge_add_test(ConnectionsPage LABEL gui GUI TIMEOUT 120
    SOURCES tst_ConnectionsPage.cpp fixtures/retailcrm/RetailTestKit.h fixtures/amocrm/AmoTestKit.h
    sandbox/tests/RetailTestClient.h LIBS crmbridge_sandbox Qt6::Network)
crmbridge_add_test(DemoWindow LABEL gui GUI TIMEOUT 120 LIBS crmbridge_appcommon)
crmbridge_add_test(QueueResend LABEL gui GUI TIMEOUT 120
    SOURCES tst_QueueResend.cpp fixtures/amocrm/AmoTestKit.h LIBS crmbridge_sandbox Qt6::Network)
