// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladEventReader.h"

#include "MoySkladClient.h"
#include "MoySkladLog.h"
#include "MoySkladMapper.h"

#include <QJsonArray>
#include <QUrl>

using Common::Result;
using Model::ShopEvent;

namespace Source::MoySklad {

namespace {

constexpr int kMaxPage = 100; // expand works only up to limit 100

struct StreamSpec
{
    QString entity;
    QString filter; ///< always applied
    QString expand;
};

StreamSpec specOf(const QString &stream)
{
    if (stream == QLatin1String("customers"))
        return { QStringLiteral("counterparty"), QStringLiteral("companyType=individual"), {} };
    if (stream == QLatin1String("retail"))
        return { QStringLiteral("retaildemand"), {}, QStringLiteral("agent,positions.assortment") };
    if (stream == QLatin1String("bonus"))
        return { QStringLiteral("bonustransaction"), {}, QStringLiteral("agent") };
    return { QStringLiteral("customerorder"), {}, QStringLiteral("agent,positions.assortment") };
}

QString enc(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace

MoySkladEventReader::Mark MoySkladEventReader::Mark::parse(const QString &text)
{
    Mark mark;
    mark.updated = text.section('|', 0, 0);
    mark.seen = text.section('|', 1, 1).toInt();
    return mark;
}

MoySkladEventReader::MoySkladEventReader(MoySkladClient &client, QString sourceName, bool fromBeginning,
                                         bool salesAsDeals)
    : m_client(client)
    , m_source(std::move(sourceName))
    , m_fromBeginning(fromBeginning)
    , m_salesAsDeals(salesAsDeals)
{ }

Result<SourceRead> MoySkladEventReader::read(const Marks &marks, int maxEvents)
{
    SourceRead out;
    const int limit = qBound(1, maxEvents, kMaxPage);
    for (const QString &stream : streams()) {
        if (auto status = readStream(stream, marks, limit, out); !status)
            return status.error();
    }
    return out;
}

Result<MoySkladEventReader::Mark> MoySkladEventReader::startMark(const QString &entity,
                                                                 const QString &baseFilter)
{
    if (m_fromBeginning)
        return Mark {};
    QString query
        = QStringLiteral("/entity/%1?limit=1&order=%2").arg(entity, enc(QStringLiteral("updated,desc")));
    if (!baseFilter.isEmpty())
        query += QStringLiteral("&filter=") + enc(baseFilter);
    auto newest = m_client.get(query);
    if (!newest)
        return newest.error();
    const QJsonArray rows = newest->value("rows").toArray();
    if (rows.isEmpty())
        return Mark {};
    Mark mark;
    mark.updated = rows.first().toObject().value("updated").toString();
    // Every row of that very time is "already there" too.
    QString filter = QStringLiteral("updated=") + mark.updated;
    if (!baseFilter.isEmpty())
        filter = baseFilter + ';' + filter;
    auto same = m_client.get(QStringLiteral("/entity/%1?limit=1&filter=%2").arg(entity, enc(filter)));
    if (!same)
        return same.error();
    mark.seen = qMax(1, same->value("meta").toObject().value("size").toInt());
    return mark;
}

Common::Status MoySkladEventReader::readStream(const QString &stream, const Marks &marks, int limit,
                                               SourceRead &out)
{
    const StreamSpec spec = specOf(stream);
    Mark mark;
    if (marks.contains(stream)) {
        mark = Mark::parse(marks.value(stream));
    } else {
        auto start = startMark(spec.entity, spec.filter);
        if (!start)
            return start.error();
        mark = start.value();
        out.marks.insert(stream, mark.toText());
        if (!m_fromBeginning)
            return {}; // a source started on a live account begins with what comes next
    }
    QString filter = spec.filter;
    if (!mark.updated.isEmpty())
        filter += (filter.isEmpty() ? QString() : QStringLiteral(";")) + QStringLiteral("updated>=")
            + mark.updated;
    QString query = QStringLiteral("/entity/%1?limit=%2&offset=%3&order=%4")
                        .arg(spec.entity)
                        .arg(limit)
                        .arg(mark.seen)
                        .arg(enc(QStringLiteral("updated,asc")));
    if (!filter.isEmpty())
        query += QStringLiteral("&filter=") + enc(filter);
    if (!spec.expand.isEmpty())
        query += QStringLiteral("&expand=") + enc(spec.expand);
    auto page = m_client.get(query);
    if (!page)
        return page.error();
    const QJsonArray rows = page->value("rows").toArray();
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        const QString updated = row.value("updated").toString();
        if (updated == mark.updated) {
            ++mark.seen;
        } else {
            mark.updated = updated;
            mark.seen = 1;
        }
        addEvents(stream, row, out);
    }
    if (!rows.isEmpty())
        out.marks.insert(stream, mark.toText());
    if (rows.size() >= limit)
        out.more = true;
    return {};
}

void MoySkladEventReader::addEvents(const QString &stream, const QJsonObject &row, SourceRead &out) const
{
    const bool person = stream == QLatin1String("customers");
    const QJsonObject agent = person ? row : row.value("agent").toObject();
    if (!MoySkladMapper::isPrivatePerson(agent)) {
        qCDebug(lcMoySklad) << "skipping" << stream << row.value("id").toString() << "of a company";
        return;
    }
    ShopEvent event;
    event.source = m_source;
    event.entityId = row.value("id").toString();
    if (person || stream == QLatin1String("bonus")) {
        // A bonus transaction changes the buyer's points: the buyer is saved again with them (the
        // outbox drops the save when nothing it carries changed).
        const Model::Customer customer = MoySkladMapper::customerOf(agent);
        event.kind = ShopEvent::Kind::CustomerSaved;
        event.entityId = customer.id;
        event.revision = person ? row.value("updated").toString()
                                : QStringLiteral("bonus:") + row.value("id").toString();
        event.payload = customer.toJson();
        event.customer = customer.name;
        event.phone = ShopEvent::phoneKey(customer.phone);
        event.email = customer.email.trimmed().toLower();
        event.reference = customer.name;
        event.contentHash = ShopEvent::hashOf(event.payload);
        out.events.append(event);
        return;
    }
    const Model::ShopOrder order
        = MoySkladMapper::orderOf(row, stream == QLatin1String("retail") ? "retaildemand" : "customerorder");
    event.payload = order.toJson();
    event.reference = order.number;
    event.customer = order.customer.name;
    event.phone = ShopEvent::phoneKey(order.customer.phone);
    event.email = order.customer.email.trimmed().toLower();
    if (stream == QLatin1String("retail") && !m_salesAsDeals) {
        // A sale is a purchase once: later edits of the document do not make another.
        event.kind = ShopEvent::Kind::PurchaseMade;
        event.revision = QStringLiteral("sale");
        out.events.append(event);
        return;
    }
    event.kind = ShopEvent::Kind::OrderCreated;
    out.events.append(event);
    if (stream == QLatin1String("orders")
        && row.value("created").toString() != row.value("updated").toString()) {
        ShopEvent changed = event;
        changed.kind = ShopEvent::Kind::OrderChanged;
        changed.revision = row.value("updated").toString();
        changed.contentHash = ShopEvent::hashOf(event.payload);
        out.events.append(changed);
    }
}

} // namespace Source::MoySklad
