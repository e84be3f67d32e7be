// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladShapes.h"

#include "MoySkladStore.h"

#include <QJsonArray>

namespace Sandbox::MoySklad {

namespace {
constexpr int kMaxExpandDepth = 3;

QString hrefOf(const QJsonValue &link)
{
    return link.toObject().value("meta").toObject().value("href").toString();
}
} // namespace

bool MoySkladShapes::expands(const QStringList &expand, const QString &field)
{
    for (const QString &path : expand) {
        if (path == field || path.startsWith(field + '.'))
            return true;
    }
    return false;
}

QStringList MoySkladShapes::below(const QStringList &expand, const QString &field)
{
    QStringList out;
    for (const QString &path : expand) {
        if (path.startsWith(field + '.'))
            out.append(path.mid(field.size() + 1));
    }
    return out;
}

QJsonObject MoySkladShapes::show(const QString &type, const QJsonObject &stored, const QStringList &expand,
                                 int depth) const
{
    const QString id = stored.value("id").toString();
    QJsonObject out;
    out.insert("meta", m_store.meta(type, id));
    for (auto it = stored.begin(); it != stored.end(); ++it) {
        if (it.key() == QLatin1String("positions")) {
            out.insert("positions",
                       positions(type, stored,
                                 expands(expand, QStringLiteral("positions")) ? below(expand, "positions")
                                                                              : QStringList { "-" }));
            continue;
        }
        QJsonValue value = it.value();
        if (value.isObject() && value.toObject().contains("meta") && expands(expand, it.key())
            && depth < kMaxExpandDepth) {
            QString linkedType;
            if (const QJsonObject *linked = m_store.resolve(value, &linkedType))
                value = show(linkedType, *linked, below(expand, it.key()), depth + 1);
        }
        out.insert(it.key(), value);
    }
    if (type == QLatin1String("counterparty")) {
        const QString href = m_store.href(type, id);
        out.insert("salesAmount", double(salesAmount(href)));
        const qint64 points = bonusPoints(href);
        if (points != 0 || stored.contains("bonusProgram"))
            out.insert("bonusPoints", double(points));
    }
    return out;
}

QJsonObject MoySkladShapes::positions(const QString &type, const QJsonObject &stored,
                                      const QStringList &expand) const
{
    const QJsonArray rows = stored.value("positions").toArray();
    const QString href = m_store.href(type, stored.value("id").toString()) + QStringLiteral("/positions");
    QJsonObject meta { { "href", href },
                       { "type", type + QStringLiteral("position") },
                       { "mediaType", "application/json" },
                       { "size", rows.size() },
                       { "limit", 1000 },
                       { "offset", 0 } };
    QJsonObject out { { "meta", meta } };
    // "-" marks "not expanded": the collection shows its meta only.
    if (expand == QStringList { "-" })
        return out;
    QJsonArray shown;
    for (const QJsonValue &v : rows) {
        QJsonObject p = v.toObject();
        const QString pid = p.value("id").toString();
        p.insert("meta",
                 QJsonObject { { "href", href + '/' + pid },
                               { "type", type + QStringLiteral("position") },
                               { "mediaType", "application/json" } });
        if (expands(expand, QStringLiteral("assortment"))) {
            QString linkedType;
            if (const QJsonObject *linked = m_store.resolve(p.value("assortment"), &linkedType))
                p.insert("assortment", show(linkedType, *linked, below(expand, "assortment"), 2));
        }
        shown.append(p);
    }
    out.insert("rows", shown);
    return out;
}

QJsonObject MoySkladShapes::list(const QString &href, const QString &type, const QList<QJsonObject> &page,
                                 int size, int limit, int offset, const QString &nextHref,
                                 const QString &previousHref) const
{
    QJsonObject meta { { "href", href }, { "type", type },   { "mediaType", "application/json" },
                       { "size", size }, { "limit", limit }, { "offset", offset } };
    if (!nextHref.isEmpty())
        meta.insert("nextHref", nextHref);
    if (!previousHref.isEmpty())
        meta.insert("previousHref", previousHref);
    QJsonArray rows;
    for (const QJsonObject &o : page)
        rows.append(o);
    const QJsonObject employee { { "meta",
                                   QJsonObject {
                                       { "href", m_store.apiUrl() + QStringLiteral("/context/employee") },
                                       { "type", "employee" },
                                       { "mediaType", "application/json" } } } };
    return QJsonObject { { "context", QJsonObject { { "employee", employee } } },
                         { "meta", meta },
                         { "rows", rows } };
}

qint64 MoySkladShapes::bonusPoints(const QString &counterpartyHref) const
{
    qint64 points = 0;
    for (const QJsonObject &t : m_store.rows("bonustransaction")) {
        if (hrefOf(t.value("agent")) != counterpartyHref
            || t.value("transactionStatus").toString() != QLatin1String("COMPLETED"))
            continue;
        const qint64 value = qint64(t.value("bonusValue").toDouble());
        points += t.value("transactionType").toString() == QLatin1String("EARNING") ? value : -value;
    }
    return points;
}

qint64 MoySkladShapes::salesAmount(const QString &counterpartyHref) const
{
    qint64 sum = 0;
    for (const QJsonObject &d : m_store.rows("retaildemand")) {
        if (hrefOf(d.value("agent")) == counterpartyHref && d.value("applicable").toBool(true))
            sum += qint64(d.value("sum").toDouble());
    }
    return sum;
}

} // namespace Sandbox::MoySklad
