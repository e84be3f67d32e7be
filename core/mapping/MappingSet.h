// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CategoryRouting.h"
#include "CodeMaps.h"
#include "FieldMap.h"
#include "FormRouting.h"
#include "Problem.h"
#include "StatusMap.h"
#include "common/Result.h"
#include "crm/CrmSchema.h"

#include <QJsonObject>
#include <QString>
#include <functional>

namespace Mapping {

/**
 * Everything the mapping of one CRM connection is: the order and form field grids with their
 * templates, the status map, category routing and form routing (by the form's name). Value type; persisted by
 * Mapping::MappingRepo, exported and imported as versioned JSON (`crmbridgectl mapping export/import`):
 *
 *     {"format": "crmbridge.mapping", "version": 1, "crm": "amocrm", "phone_region": "RU",
 *      "orders": FieldMap, "forms": FieldMap, "statuses": StatusMap, "routing": CategoryRouting,
 *      "form_routing": FormRouting, "codes": CodeMaps}
 *
 * "codes" (delivery/payment code maps, paid statuses) came later within version 1: it is optional,
 * and a file without it reads as empty code maps.
 */
struct MappingSet
{
    static constexpr int kFormatVersion = 1;

    QString crm;
    QString phoneRegion = QStringLiteral("RU");
    /** What CRM Bridge writes into the CRM is in this language ("ru", "en"); empty: the account's (CrmTexts).
     */
    QString language;
    FieldMap orders;
    FieldMap forms;
    StatusMap statuses;
    CategoryRouting routing;
    FormRouting formRouting;
    CodeMaps codes;

    MappingSet();
    /** A fresh install's mapping for this account (seeded field grids, no status rows or rules). */
    static MappingSet defaults(const Crm::CrmSchema &schema);

    QJsonObject toJson() const;
    /**
     * Reads and validates a mapping, all or nothing: a malformed file, a newer format or any
     * structural error (unknown source path, broken template, duplicate target, status conflict …)
     * is an InvalidInput error whose details hold the problems. With a schema, errors against the
     * account (deleted fields, stages …) reject the file too, except a field the account lacks on an
     * entity @p mayCreate allows: the bridge creates it (auto-create) before it is used.
     */
    static Common::Result<MappingSet> fromJson(const QJsonObject &json,
                                               const Crm::CrmSchema *schema = nullptr,
                                               const std::function<bool(Crm::Entity)> &mayCreate = {});
    bool operator==(const MappingSet &) const = default;
};

} // namespace Mapping
