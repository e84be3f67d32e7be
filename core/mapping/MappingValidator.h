// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MappingSet.h"
#include "Problem.h"
#include "crm/CrmSchema.h"

#include <QList>

namespace Mapping {

/**
 * Checks a mapping against itself and against the CRM account it sends to, so that mapping drift
 * (a field deleted or renamed, a type changed, an enum value, stage or pipeline gone, a user
 * deactivated) is found before a job sends anything, instead of as a 400 from the CRM. Problems on
 * inactive rows are warnings. Stateless; any thread.
 */
class MappingValidator
{
public:
    /** What can be checked without the CRM: source paths, templates, targets, duplicates, status conflicts.
     */
    static QList<Problem> validateStructure(const MappingSet &set, const Crm::CrmSchema *schema = nullptr);
    /** validateStructure() plus every reference into the account; diff names what changed since the last
     * fetch. */
    static QList<Problem> validate(const MappingSet &set, const Crm::CrmSchema &schema,
                                   const Crm::CrmSchemaDiff &diff = {});

    static QList<Problem> validateFieldMap(const FieldMap &map, const Crm::CrmSchema &schema,
                                           const Crm::CrmSchemaDiff &diff);
    static QList<Problem> validateStatusMap(const StatusMap &map, const Crm::CrmSchema &schema,
                                            const Crm::CrmSchemaDiff &diff);
    static QList<Problem> validateRouting(const MappingSet &set, const Crm::CrmSchema &schema,
                                          const Crm::CrmSchemaDiff &diff);
};

} // namespace Mapping
