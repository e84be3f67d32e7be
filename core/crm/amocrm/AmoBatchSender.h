// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoApiClient.h"
#include "AmoCodec.h"

#include <functional>

namespace Crm::AmoCrm {

/**
 * Sends encoded items in one batch call and settles each from its own answer item (`request_id`),
 * so one bad order never fails its neighbours:
 * - amoCRM rejects the whole request when any item fails validation, but says which `request_id`
 *   failed: those items fail with the error in our field names and the rest are sent again without
 *   them (repeated while new items fail, at most 10 rounds);
 * - a 400 that names no item is bisected until the culprit is alone;
 * - a transient failure of a create (the server may or may not have made the deals) is reconciled
 *   first — the items found in the CRM are settled, only the others are sent again (3 rounds).
 * Free functions; everything runs on the thread of the AmoApiClient.
 */
namespace AmoBatchSender {

using Send
    = std::function<void(const QJsonArray &body, const CallMeta &meta, AmoApiClient::JsonCallback done)>;
/** request_id → outcome (key filled in by the sender) from a successful answer to @p sent. */
using Read
    = std::function<QHash<QString, ItemOutcome>(const QJsonValue &answer, const QList<EncodedItem> &sent)>;
/** Reads `_embedded.<key>[]` answers: request_id when echoed, else the position in the request. */
Read readEmbedded(const QString &key);
/** key → outcome for the items that already exist in the CRM. */
using Reconcile = std::function<void(const QList<EncodedItem> &items,
                                     std::function<void(QHash<QString, ItemOutcome>)> done)>;
using Done = std::function<void(QList<ItemOutcome>)>;

struct Plan
{
    Send send;
    Read read;
    Reconcile reconcile; ///< may be empty (updates, notes: resending is safe or not worth it)
    std::function<void()> unknownField; ///< called when the CRM refused a field id (schema changed)
};

void send(const QList<EncodedItem> &items, std::shared_ptr<Plan> plan, Done done, int round = 0);

/** An outcome that carries @p error for @p item. */
ItemOutcome failed(const EncodedItem &item, const Common::Error &error);

} // namespace AmoBatchSender

} // namespace Crm::AmoCrm
