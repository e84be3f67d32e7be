// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladBonusWriter.h"

#include "MoySkladClient.h"
#include "MoySkladLog.h"

#include <QJsonArray>
#include <QUrl>

using Common::Error;
using Common::Result;

namespace Source::MoySklad {

namespace {

constexpr int kPage = 1000;

QJsonObject linkTo(const QJsonObject &object)
{
    const QJsonObject meta = object.value("meta").toObject();
    return QJsonObject { { "meta",
                           QJsonObject { { "href", meta.value("href") },
                                         { "type", meta.value("type") },
                                         { "mediaType", "application/json" } } } };
}

} // namespace

MoySkladBonusWriter::MoySkladBonusWriter(MoySkladClient &client)
    : m_client(client)
{ }

Result<double> MoySkladBonusWriter::balance(const QString &counterpartyId)
{
    auto counterparty = m_client.get(QStringLiteral("/entity/counterparty/") + counterpartyId);
    if (!counterparty)
        return counterparty.error();
    // MoySklad leaves empty fields out: no bonusPoints is no points.
    return counterparty->value("bonusPoints").toDouble();
}

Result<std::optional<QString>> MoySkladBonusWriter::find(const QString &agentHref, const QString &reference)
{
    const QString filter = QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("agent=") + agentHref));
    for (int offset = 0;; offset += kPage) {
        auto page = m_client.get(QStringLiteral("/entity/bonustransaction?limit=%1&offset=%2&filter=%3")
                                     .arg(kPage)
                                     .arg(offset)
                                     .arg(filter));
        if (!page)
            return page.error();
        const QJsonArray rows = page->value("rows").toArray();
        for (const QJsonValue &row : rows) {
            if (row.toObject().value("externalCode").toString() == reference)
                return std::optional<QString>(row.toObject().value("id").toString());
        }
        if (rows.size() < kPage)
            return std::optional<QString>();
    }
}

Result<QJsonObject> MoySkladBonusWriter::programOf(const QJsonObject &counterparty)
{
    if (counterparty.contains("bonusProgram"))
        return linkTo(counterparty.value("bonusProgram").toObject());
    auto programs = m_client.get(QStringLiteral("/entity/bonusprogram"));
    if (!programs)
        return programs.error();
    for (const QJsonValue &program : programs->value("rows").toArray()) {
        if (program.toObject().value("active").toBool())
            return linkTo(program.toObject());
    }
    return Error::permanent(QStringLiteral("MoySklad has no active bonus programme to grant points in"),
                            QStringLiteral("moysklad-no-bonus-program"));
}

Result<PointsGranted> MoySkladBonusWriter::grant(const PointsGrant &grant)
{
    if (grant.delta == 0 || grant.reference.isEmpty())
        return Error::invalidInput(QStringLiteral("A grant of bonus points needs points and a reference"),
                                   QStringLiteral("moysklad-bonus"));
    auto counterparty = m_client.get(QStringLiteral("/entity/counterparty/") + grant.customerId);
    if (!counterparty)
        return counterparty.error();
    const QString agentHref = counterparty->value("meta").toObject().value("href").toString();
    if (grant.mayExist) {
        auto found = find(agentHref, grant.reference);
        if (!found)
            return found.error();
        if (found->has_value()) {
            qCInfo(lcMoySklad) << "bonus operation" << grant.reference << "exists already as" << **found;
            return PointsGranted { **found, true };
        }
    }
    auto program = programOf(counterparty.value());
    if (!program)
        return program.error();
    const QJsonObject body {
        { "agent", linkTo(counterparty.value()) },
        { "bonusProgram", program.value() },
        { "transactionType", grant.delta > 0 ? QStringLiteral("EARNING") : QStringLiteral("SPENDING") },
        { "bonusValue", double(qAbs(grant.delta)) },
        { "externalCode", grant.reference },
    };
    auto made = m_client.post(QStringLiteral("/entity/bonustransaction"), body);
    if (!made)
        return made.error();
    return PointsGranted { made->value("id").toString(), false };
}

} // namespace Source::MoySklad
