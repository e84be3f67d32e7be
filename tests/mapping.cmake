# SPDX-License-Identifier: GPL-3.0-or-later
# The mapping: phone/email normalisation, CRM schema and deal draft types, transforms, field and status
# maps, category routing, the validator, the preview (DraftBuilder), import/export and its repository.
crmbridge_add_test(PhoneNumber LABEL unit)
crmbridge_add_test(Transform LABEL unit)
crmbridge_add_test(CrmSchema LABEL unit)
crmbridge_add_test(StatusMap LABEL unit)
crmbridge_add_test(CategoryRouting LABEL unit)
crmbridge_add_test(MappingValidator LABEL unit)
crmbridge_add_test(DraftBuilder LABEL unit)
crmbridge_add_test(MappingSet LABEL unit)
crmbridge_add_test(SourceFieldCatalogue LABEL unit)
crmbridge_add_test(MappingRepo LABEL integration)
# Web-form requests routed by the form's name, through the engine to the amoCRM sandbox's pipelines.
crmbridge_add_test(FormRouting LABEL integration TIMEOUT 300
    SOURCES tst_FormRouting.cpp fixtures/amocrm/AmoTestKit.h fixtures/amocrm/EngineTestKit.h
    LIBS crmbridge_sandbox Qt6::Network)
