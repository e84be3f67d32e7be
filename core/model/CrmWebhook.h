// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "model/StatusChange.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>

namespace Model {

/** What one webhook delivery from a CRM said, in the CRM-neutral terms the bridge uses. Value type. */
struct WebhookDelivery
{
    QString accountId; ///< the CRM account that sent it (amoCRM: account[id])
    QString subdomain; ///< amoCRM: account[subdomain]
    /** Stage changes of deals (origin Crm, orderId = deal id); `at` is invalid when the CRM sent no time. */
    QList<Model::StatusChange> stageChanges;
};

/**
 * Reads one raw delivery (its Content-Type and body, as received) of one CRM's webhooks. A body that
 * is not a delivery of that CRM is InvalidInput (code "malformed"); a delivery about something else
 * than stage changes is valid and has no stageChanges. Pure; any thread.
 */
using WebhookParser
    = std::function<Common::Result<WebhookDelivery>(const QByteArray &contentType, const QByteArray &body)>;

} // namespace Model
