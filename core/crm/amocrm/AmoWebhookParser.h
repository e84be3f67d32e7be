// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/CrmWebhook.h"

namespace Crm::AmoCrm {

/**
 * Reads amoCRM's webhook deliveries: `application/x-www-form-urlencoded` in the legacy v2 shape with
 * PHP-style nested keys (reference §6), every value a string, Cyrillic percent-encoded:
 *
 *   leads[status][0][id]=…&leads[status][0][status_id]=…&leads[status][0][old_status_id]=…
 *   &leads[status][0][pipeline_id]=…&leads[status][0][old_pipeline_id]=…&leads[status][0][updated_at]=…
 *   &account[subdomain]=…&account[id]=…
 *
 * Each `leads[status][i]` is a stage change (its time: updated_at, else last_modified). Other
 * entities and actions (`leads[add]`, `leads[update]`, `contacts[…]`, notes …) are understood and
 * carry no stage change: a lead added in the CRM has no shop order to update. Malformed: not
 * form-encoded, not UTF-8, no account block, or a status entry without a numeric id or status_id.
 * Pure functions.
 */
class AmoWebhookParser
{
public:
    static Common::Result<Model::WebhookDelivery> parse(const QByteArray &contentType,
                                                        const QByteArray &body);
};

} // namespace Crm::AmoCrm
