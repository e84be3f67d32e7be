# SPDX-License-Identifier: GPL-3.0-or-later
# The operator's console on the offscreen platform.
crmbridge_add_test(MainWindow LABEL gui GUI)
crmbridge_add_test(QueuePage LABEL gui GUI)
crmbridge_add_test(LogPage LABEL gui GUI)
crmbridge_add_test(MappingPage LABEL gui GUI)
crmbridge_add_test(ConnectionsPage LABEL gui GUI)
crmbridge_add_test(DemoWindow LABEL gui GUI TIMEOUT 120 LIBS crmbridge_appcommon)
