// SPDX-License-Identifier: GPL-3.0-or-later
#include "MissingFields.h"

namespace Mapping {

QList<FieldSpec> missingFields(const MappingSet &set, const Crm::CrmSchema &schema)
{
    QList<FieldSpec> specs;
    for (const FieldMap *map : { &set.orders, &set.forms }) {
        for (const FieldRow &row : map->rows) {
            const FieldTarget &t = row.target;
            if (!row.active || t.kind != FieldTarget::Kind::CustomField || !t.fieldId.isEmpty())
                continue;
            if (schema.fieldByName(t.entity, t.fieldName))
                continue;
            auto same = std::find_if(specs.begin(), specs.end(), [&t](const FieldSpec &s) {
                return s.entity == t.entity
                    && s.name.compare(t.fieldName.trimmed(), Qt::CaseInsensitive) == 0;
            });
            if (same != specs.end()) {
                same->rowIds << row.id;
                for (const QString &e : t.createEnums) {
                    if (!same->enums.contains(e))
                        same->enums << e;
                }
                continue;
            }
            specs.append({ t.entity, t.fieldName.trimmed(), t.fieldType, t.createEnums, { row.id } });
        }
    }
    return specs;
}

int bindFields(MappingSet &set, const Crm::CrmSchema &schema)
{
    int bound = 0;
    for (FieldMap *map : { &set.orders, &set.forms }) {
        for (FieldRow &row : map->rows) {
            FieldTarget &t = row.target;
            if (t.kind != FieldTarget::Kind::CustomField || !t.fieldId.isEmpty())
                continue;
            if (const Crm::CustomField *field = schema.fieldByName(t.entity, t.fieldName)) {
                t.fieldId = field->id;
                t.fieldName = field->name;
                t.fieldType = field->type;
                t.createEnums.clear();
                ++bound;
            }
        }
    }
    return bound;
}

} // namespace Mapping
