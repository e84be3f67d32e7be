// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoWebhookParser.h"

#include "net/FormParser.h"

#include <QHash>
#include <QMap>

namespace Crm::AmoCrm {

using Common::Error;
using Common::Result;

namespace {

Error malformed(const QString &why)
{
    return Error::invalidInput(QStringLiteral("Not an amoCRM webhook: %1").arg(why),
                               QStringLiteral("malformed"));
}

/** "leads[status][0][id]" → {"leads", "status", "0", "id"}; empty for a name that is not well nested. */
QStringList segmentsOf(const QString &name)
{
    const qsizetype open = name.indexOf(QLatin1Char('['));
    if (open < 0)
        return { name };
    QStringList segments { name.left(open) };
    qsizetype pos = open;
    while (pos < name.size()) {
        if (name.at(pos) != QLatin1Char('['))
            return {};
        const qsizetype close = name.indexOf(QLatin1Char(']'), pos);
        if (close < 0)
            return {};
        segments << name.mid(pos + 1, close - pos - 1);
        pos = close + 1;
    }
    return segments;
}

bool isId(const QString &text)
{
    bool ok = false;
    return !text.isEmpty() && text.toLongLong(&ok) > 0 && ok;
}

} // namespace

Result<Model::WebhookDelivery> AmoWebhookParser::parse(const QByteArray &contentType, const QByteArray &body)
{
    const QByteArray type = contentType.split(';').first().trimmed().toLower();
    if (!type.isEmpty() && type != "application/x-www-form-urlencoded")
        return malformed(QStringLiteral("Content-Type is %1, not a form").arg(QString::fromLatin1(type)));
    auto fields = Net::FormParser::parseUrlEncoded(body);
    if (!fields)
        return malformed(fields.error().message);

    Model::WebhookDelivery delivery;
    QMap<int, QHash<QString, QString>> statusEntries; // by index, in the order amoCRM numbered them
    for (const auto &[name, value] : fields.value()) {
        const QStringList s = segmentsOf(name);
        if (s.isEmpty())
            return malformed(QStringLiteral("the field name \"%1\" is not well nested").arg(name));
        if (s.size() == 2 && s[0] == QLatin1String("account")) {
            if (s[1] == QLatin1String("id"))
                delivery.accountId = value.trimmed();
            else if (s[1] == QLatin1String("subdomain"))
                delivery.subdomain = value.trimmed();
        } else if (s.size() == 4 && s[0] == QLatin1String("leads") && s[1] == QLatin1String("status")) {
            bool ok = false;
            const int index = s[2].toInt(&ok);
            if (!ok || index < 0)
                return malformed(QStringLiteral("\"%1\" has no entry number").arg(name));
            statusEntries[index].insert(s[3], value.trimmed());
        }
    }
    if (delivery.accountId.isEmpty() && delivery.subdomain.isEmpty())
        return malformed(QStringLiteral("it names no account (account[id], account[subdomain])"));

    for (auto it = statusEntries.cbegin(); it != statusEntries.cend(); ++it) {
        const QHash<QString, QString> &f = it.value();
        if (!isId(f.value(QStringLiteral("id"))) || !isId(f.value(QStringLiteral("status_id"))))
            return malformed(
                QStringLiteral("leads[status][%1] has no numeric id and status_id").arg(it.key()));
        Model::StatusChange change;
        change.origin = Model::StatusChange::Origin::Crm;
        change.orderId = f.value(QStringLiteral("id"));
        change.toStatus = f.value(QStringLiteral("status_id"));
        change.fromStatus = f.value(QStringLiteral("old_status_id"));
        change.pipelineId = f.value(QStringLiteral("pipeline_id"));
        change.fromPipelineId = f.value(QStringLiteral("old_pipeline_id"), change.pipelineId);
        for (const char *key : { "updated_at", "last_modified" }) {
            const QString seconds = f.value(QLatin1String(key));
            if (!change.at.isValid() && isId(seconds))
                change.at = QDateTime::fromSecsSinceEpoch(seconds.toLongLong(), Qt::UTC);
        }
        delivery.stageChanges.append(change);
    }
    return delivery;
}

} // namespace Crm::AmoCrm
