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
