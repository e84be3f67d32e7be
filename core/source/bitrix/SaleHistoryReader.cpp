// SPDX-License-Identifier: GPL-3.0-or-later
#include "SaleHistoryReader.h"

#include "BitrixLog.h"

#include <QRegularExpression>

namespace Source::Bitrix {

using Common::Result;

SaleHistoryReader::SaleHistoryReader(SaleOrderReader &reader)
    : m_reader(reader)
{ }

std::optional<std::pair<QString, QString>> SaleHistoryReader::statusesOf(const QString &data)
{
    // PHP serialize() of ["STATUS_ID" => "P", "OLD_STATUS_ID" => "N"]; the order of the keys is not
    // relied on.
    static const QRegularExpression s_value(
        QStringLiteral("s:\\d+:\"(STATUS_ID|OLD_STATUS_ID)\";s:\\d+:\"([^\"]*)\""));
    QString status, old;
    bool found = false;
    for (auto it = s_value.globalMatch(data); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.captured(1) == QLatin1String("STATUS_ID")) {
            status = m.captured(2).trimmed();
            found = true;
        } else {
            old = m.captured(2).trimmed();
        }
    }
    if (!found || status.isEmpty())
        return std::nullopt;
    return std::pair { status, old };
}

Result<QList<SaleHistoryReader::Entry>> SaleHistoryReader::after(qint64 after, int limit,
                                                                 const QList<qint64> &tracked)
{
    ShopDb &db = m_reader.db();
    const QString select
        = QStringLiteral(
              "SELECT c.ID, c.ORDER_ID, c.TYPE, c.DATA, c.DATE_CREATE, o.LID, o.STATUS_ID FROM %1 c"
              " LEFT JOIN %2 o ON o.ID = c.ORDER_ID WHERE ")
              .arg(db.table("sale_order_change"), db.table("sale_order"));
    QList<Entry> entries;
    auto collect = [&](const QString &where, const QVariantList &binds) -> Common::Status {
        auto query = db.exec(select + where, binds);
        if (!query)
            return query.error();
        const QString site = m_reader.settings().site;
        while (query->next()) {
            Entry entry;
            entry.id = query->value(0).toLongLong();
            entry.orderId = query->value(1).toLongLong();
            const bool ofSite = !query->value(5).isNull()
                && (site.isEmpty() || query->value(5).toString().trimmed() == site);
            if (ofSite && query->value(2).toString().trimmed() == QLatin1String("ORDER_STATUS_CHANGED")) {
                entry.statusChange = true;
                entry.at = SaleOrderReader::rawDateTime(query->value(4));
                if (auto statuses = statusesOf(query->value(3).toString())) {
                    entry.statusId = statuses->first;
                    entry.oldStatusId = statuses->second;
                } else {
                    // DATA in a shape this version does not know: the change is not lost, the order's
                    // status as it is now goes instead.
                    entry.statusId = query->value(6).toString().trimmed();
                    qCWarning(lcBitrix)
                        << "history row" << entry.id << "of order" << entry.orderId
                        << "has no STATUS_ID in its DATA; the order's status" << entry.statusId << "is sent";
                }
            }
            entries.append(entry);
        }
        return {};
    };
    if (auto done = collect(QStringLiteral("c.ID > ? ORDER BY c.ID LIMIT ?"), { after, limit }); !done)
        return done.error();
    if (!tracked.isEmpty()) {
        if (auto done
            = collect(QStringLiteral("c.ID IN (%1) ORDER BY c.ID").arg(SaleOrderReader::idList(tracked)), {});
            !done)
            return done.error();
        std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.id < b.id; });
    }
    return entries;
}

Result<qint64> SaleHistoryReader::maxId()
{
    auto n = m_reader.db().scalar(
        QStringLiteral("SELECT MAX(ID) FROM %1").arg(m_reader.db().table("sale_order_change")));
    if (!n)
        return n.error();
    return n->isNull() ? 0 : n->toLongLong();
}

} // namespace Source::Bitrix
