// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MappingSet.h"
#include "crm/CrmSchema.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Mapping {

/** A custom field the mapping needs and the account lacks: what a connector has to create. */
struct FieldSpec
{
    Crm::Entity entity = Crm::Entity::Deal;
    QString name;
    QString type; ///< as the CRM names types: "text", "numeric", "select", "url" …
    QStringList enums; ///< values of a select field
    QStringList rowIds; ///< the rows that need it ("o7", "f4")
    bool operator==(const FieldSpec &) const = default;
};

/**
 * The fields active rows point at by name (a target with no field id) that the account does not
 * have, one spec per entity and name. The connector creates them when the operator allows it
 * (seed 001's amocrm_auto_create_*_fields); bindFields() then writes the new ids into the rows.
 */
QList<FieldSpec> missingFields(const MappingSet &set, const Crm::CrmSchema &schema);

/** Gives rows that name a field (no id) the id and type of the schema's field of that name; returns how many.
 */
int bindFields(MappingSet &set, const Crm::CrmSchema &schema);

} // namespace Mapping
