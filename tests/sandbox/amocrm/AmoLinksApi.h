// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoCall.h"

namespace Sandbox::AmoCrm {

class AmoContext;
class ValidationErrors;

/**
 * Links of a lead to contacts, companies and catalog elements (`/api/v4/leads/{id}/links`, `…/link`,
 * `…/unlink`, and the mass `/api/v4/leads/link`, `/unlink` whose items name their `entity_id`), the way
 * an existing lead's links change: a lead update ignores `_embedded.contacts` (see AmoLeadsApi). Items
 * are `{to_entity_id, to_entity_type, metadata}`: `metadata.is_main` for contacts;
 * `metadata.{catalog_id, quantity, price_id}` for `catalog_elements` (amoCRM entity-links-api). A
 * catalog element linked again gets the new quantity and price, not a second line (see README,
 * Assumptions). Routes run on the server thread.
 */
class AmoLinksApi
{
public:
    AmoLinksApi(AmoContext &context, AmoRouter &router);

private:
    HttpResponse list(AmoCall &call);
    HttpResponse change(AmoCall &call, bool link);
    HttpResponse changeMany(AmoCall &call, bool link);
    /** Applies one item to @p lead; errors go under @p rid. Returns the link as answered, or null. */
    QJsonValue apply(AmoCall &call, QJsonObject &lead, const QJsonObject &item, const QString &rid, bool link,
                     ValidationErrors &errors);

    AmoContext &m_context;
};

} // namespace Sandbox::AmoCrm
