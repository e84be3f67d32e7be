# SPDX-License-Identifier: GPL-3.0-or-later
# Mapping without a text editor: the status map, routing and field editors, and the amoCRM demo's
# status map and routing seen end to end.
crmbridge_add_test(StatusMapEditor LABEL gui GUI SOURCES tst_StatusMapEditor.cpp fixtures/mapping/MappingGuiKit.h)
crmbridge_add_test(RoutingEditor LABEL gui GUI SOURCES tst_RoutingEditor.cpp fixtures/mapping/MappingGuiKit.h)
crmbridge_add_test(FieldEditor LABEL gui GUI SOURCES tst_FieldEditor.cpp fixtures/mapping/MappingGuiKit.h)
crmbridge_add_test(ConfigureDemo LABEL gui GUI TIMEOUT 180 LIBS crmbridge_appcommon crmbridge_sandbox Qt6::Network)
