// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "source/ShopSource.h"

#include <QJsonObject>
#include <optional>

namespace Source::MoySklad {

class MoySkladClient;

/**
 * A buyer's bonus points in MoySklad: the balance (the counterparty's `bonusPoints`) and grants as
 * `bonustransaction`s — EARNING for points added, SPENDING for points taken — on the buyer's
 * counterparty and bonus programme (its own, else the account's active one), each carrying the
 * grant's reference as its `externalCode`. A grant that may exist already is looked for first among
 * the buyer's operations (MoySklad filters operations by `agent`, not by `externalCode`). Writes go
 * through the source's client, which mutes the source's own webhooks
 * (`X-Lognex-WebHook-DisableByPrefix`), so MoySklad does not notify the bridge of its own grant. Used
 * on the source's thread; the client is the source's.
 */
class MoySkladBonusWriter
{
public:
    explicit MoySkladBonusWriter(MoySkladClient &client);

    Common::Result<double> balance(const QString &counterpartyId);
    Common::Result<PointsGranted> grant(const PointsGrant &grant);

private:
    /** The operation of @p agentHref whose externalCode is @p reference, if there is one. */
    Common::Result<std::optional<QString>> find(const QString &agentHref, const QString &reference);
    /** The link of the programme the buyer's points belong to. */
    Common::Result<QJsonObject> programOf(const QJsonObject &counterparty);

    MoySkladClient &m_client;
};

} // namespace Source::MoySklad
