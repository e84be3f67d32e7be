// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QStringList>

namespace Sandbox::AmoCrm {

class ValidationErrors;

/**
 * Which keys a value object of `custom_fields_values[].values[]` may carry for each field type, and the
 * check amoCRM makes with it: any other key is refused with `FieldNotExpected` ("This field was not
 * expected.") at its dotted path, e.g. `custom_fields_values.5.values.0.enum_code`. Pure, any thread.
 *
 * The table follows the value models of the official SDK (amocrm/amocrm-api-php,
 * src/AmoCRM/Models/CustomFieldsValues/ValueModels, `toApi`) and the refusals reported from real accounts:
 * - multitext (PHONE, EMAIL, IM): value, enum_id, enum_code; the older `enum` is refused (SDK issue #4).
 * - select, smart_address: value, enum_id, and enum_code naming one of the field's enum codes (SDK commit
 *   13a0aa9, 2022). `"enum_code": null`, which is how a select value reads back, is refused
 *   (Krukov/amocrm_api#68, #112, #116) — see tests/sandbox/README.md, Assumptions.
 * - multiselect, radiobutton, category: value, enum_id.
 * - chained_list: catalog_id, catalog_element_id.
 * - every other type: value only.
 */
namespace AmoFieldValueKeys {

QStringList allowed(const QString &fieldType);

/**
 * Adds a FieldNotExpected error for every key of @p value that @p fieldType does not take (and for a null
 * enum_code, where enum_code is allowed only as a code). @p path is the value's path
 * (`…custom_fields_values.N.values.M`). Returns false when something was refused.
 */
bool check(const QString &fieldType, const QJsonObject &value, const QString &requestId, const QString &path,
           ValidationErrors &errors);

} // namespace AmoFieldValueKeys

} // namespace Sandbox::AmoCrm
