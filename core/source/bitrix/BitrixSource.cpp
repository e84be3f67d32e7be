// SPDX-License-Identifier: GPL-3.0-or-later
#include "BitrixSource.h"

#include "BitrixCatalogReader.h"
#include "BitrixLog.h"
#include "SaleStatusWriter.h"
#include "store/EchoGuardRepo.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Source::Bitrix {

using Common::Error;
using Common::Result;

Result<BitrixConfig> BitrixConfig::fromRecord(const SourceRecord &record, const QByteArray &password)
{
    if (record.kind != QLatin1String("bitrix"))
        return Error::invalidInput(
            QStringLiteral("The source %1 is a %2 source").arg(record.name, record.kind));
    auto url = ShopDbUrl::parse(record.url);
    if (!url)
        return url.error();
    BitrixConfig config;
    config.name = record.name;
    config.url = url.value();
    if (!password.isEmpty())
        config.url.password = QString::fromUtf8(password);
    const QJsonObject &c = record.config;
    config.prefix = c.value(QStringLiteral("prefix")).toString(QStringLiteral("b_"));
    config.reader.site = c.value(QStringLiteral("site")).toString().trimmed();
    config.reader.language = c.value(QStringLiteral("language")).toString(QStringLiteral("ru"));
    const QJsonValue legal = c.value(QStringLiteral("legal_person_types"));
    const QJsonArray legalIds = legal.isArray()
        ? legal.toArray()
        : QJsonArray::fromStringList(legal.toString().split(QLatin1Char(','), Qt::SkipEmptyParts));
    for (const QJsonValue &id : legalIds) {
        const qint64 value = id.isString() ? id.toString().trimmed().toLongLong() : id.toInteger();
        if (value > 0)
            config.reader.legalPersonTypes.insert(value);
    }
    config.fromBeginning = c.value(QStringLiteral("start")).toString() == QLatin1String("beginning");
    config.readForms = c.value(QStringLiteral("forms")).toBool(true);
    config.historyUserId = c.value(QStringLiteral("history_user_id")).toInteger(0);
    const QString statusChanges
        = c.value(QStringLiteral("status_changes")).toString(QStringLiteral("history"));
    if (statusChanges != QLatin1String("history") && statusChanges != QLatin1String("date_status"))
        return Error::invalidInput(
            QStringLiteral("status_changes is \"history\" or \"date_status\", not \"%1\"")
                .arg(statusChanges));
    config.statusFromHistory = statusChanges == QLatin1String("history");
    auto charset = SiteCharset::parse(c.value(QStringLiteral("charset")).toString());
    if (!charset)
        return charset.error();
    config.charset = charset.value();
    config.limits.waitLimitMs = qint64(c.value(QStringLiteral("wait_basket_minutes")).toDouble(10) * 60'000);
    config.limits.gapLimitMs = qint64(c.value(QStringLiteral("gap_minutes")).toDouble(10) * 60'000);
    return config;
}

Result<std::unique_ptr<BitrixSource>>
BitrixSource::open(BitrixConfig config, std::shared_ptr<Storage::Database> store, const Common::Clock *clock)
{
    if (config.name.isEmpty())
        return Error::invalidInput(QStringLiteral("A Bitrix source needs a name"));
    auto shop = ShopDb::open(config.url, config.prefix);
    if (!shop)
        return shop.error();
    auto schema = SaleSchema::probe(*shop.value(), config.charset, config.reader.site);
    if (!schema)
        return schema.error();
    qCInfo(lcBitrix) << config.name << ": 1C-Bitrix" << schema->layoutName() << "at"
                     << config.url.toDisplayString()
                     << (config.reader.site.isEmpty() ? QStringLiteral("every site")
                                                      : QStringLiteral("site ") + config.reader.site);
    return std::unique_ptr<BitrixSource>(new BitrixSource(
        std::move(config), std::move(shop).value(), std::move(schema).value(), std::move(store), clock));
}

BitrixSource::BitrixSource(BitrixConfig config, std::shared_ptr<ShopDb> shop, SaleSchema schema,
                           std::shared_ptr<Storage::Database> store, const Common::Clock *clock)
    : m_config(std::move(config))
    , m_shop(std::move(shop))
    , m_reader(std::make_unique<SaleOrderReader>(*m_shop, std::move(schema), m_config.reader))
    , m_store(std::move(store))
    , m_clock(clock)
{ }

BitrixSource::~BitrixSource() = default;

Result<QList<Model::SourceField>> BitrixSource::fieldCatalogue()
{
    m_reader->refreshNames();
    if (auto loaded = m_reader->loadNames(); !loaded)
        return loaded.error();
    QList<Model::SourceField> fields = Model::SourceFieldCatalogue::forOrders();
    using Type = Model::SourceField::Type;
    const std::tuple<const char *, const char *, Type> bitrixFields[] = {
        { "PAYED", QT_TRANSLATE_NOOP("Bitrix", "Paid (Y/N)"), Type::Text },
        { "SUM_PAID", QT_TRANSLATE_NOOP("Bitrix", "Amount paid"), Type::Number },
        { "CURRENCY", QT_TRANSLATE_NOOP("Bitrix", "Currency"), Type::Text },
        { "CANCELED", QT_TRANSLATE_NOOP("Bitrix", "Cancelled (Y/N)"), Type::Text },
        { "PERSON_TYPE", QT_TRANSLATE_NOOP("Bitrix", "Payer type"), Type::Text },
        { "LEGAL_ENTITY", QT_TRANSLATE_NOOP("Bitrix", "Legal entity (Y/N)"), Type::Text },
        { "TRACKING_NUMBER", QT_TRANSLATE_NOOP("Bitrix", "Tracking number"), Type::Text },
        { "COMMENTS", QT_TRANSLATE_NOOP("Bitrix", "Manager's comment"), Type::Text },
        { "SITE_ID", QT_TRANSLATE_NOOP("Bitrix", "Site (LID)"), Type::Text },
        { "DISCOUNT_VALUE", QT_TRANSLATE_NOOP("Bitrix", "Discount"), Type::Number },
    };
    for (const auto &[key, label, type] : bitrixFields)
        fields.append({ QStringLiteral("order.properties.") + QLatin1String(key),
                        QCoreApplication::translate("Bitrix", label), type });
    // The shop's own order properties, by the names its managers know them by.
    for (const auto &[key, name] : m_reader->properties().keysAndNames())
        fields.append(
            { QStringLiteral("order.properties.") + key,
              QCoreApplication::translate("Bitrix", "Order property \u201c%1\u201d (%2)").arg(name, key),
              Type::Text });
    return fields;
}

Result<Model::CategoryTree> BitrixSource::categories()
{
    return m_reader->directory().categories();
}

Result<QList<ShopStatus>> BitrixSource::statuses()
{
    return m_reader->directory().statuses();
}

Result<QList<ShopMethod>> BitrixSource::methods(MethodKind kind)
{
    return m_reader->directory().methods(kind);
}

Result<SourceSummary> BitrixSource::summary()
{
    m_reader->refreshNames();
    if (auto loaded = m_reader->loadNames(); !loaded)
        return loaded.error();
    auto orders = m_reader->countOrders();
    auto statusList = statuses();
    auto tree = categories();
    if (!orders || !statusList || !tree)
        return !orders ? orders.error() : !statusList ? statusList.error() : tree.error();
    SourceSummary summary;
    summary.orders = orders.value();
    summary.statuses = statusList->size();
    summary.categories = tree->categories().size();
    QStringList types;
    for (const PersonType &type : m_reader->properties().personTypes())
        types << (type.legal ? QStringLiteral("%1 (%2, legal entity)") : QStringLiteral("%1 (%2)"))
                     .arg(type.name)
                     .arg(type.id);
    summary.details
        = QStringLiteral("1C-Bitrix %1, %2, %3; person types: %4; %5 order properties")
              .arg(m_reader->schema().layoutName(),
                   m_config.reader.site.isEmpty() ? QStringLiteral("every site")
                                                  : QStringLiteral("site ") + m_config.reader.site,
                   m_config.url.toDisplayString(), types.join(QStringLiteral(", ")))
              .arg(m_reader->properties().all().size());
    return summary;
}

Result<SourceRead> BitrixSource::read(const Marks &marks, int maxEvents)
{
    SaleEventReader::Settings settings;
    settings.source = name();
    settings.fromBeginning = m_config.fromBeginning;
    settings.readForms = m_config.readForms;
    settings.statusFromHistory = m_config.statusFromHistory;
    settings.limits = m_config.limits;
    return SaleEventReader(*m_reader, settings).read(marks, std::max(1, maxEvents), m_clock->nowMs());
}

Common::Status BitrixSource::writeStatus(const QString &orderId, const QString &statusId)
{
    Store::EchoGuardRepo echo(m_store, m_clock);
    return SaleStatusWriter(*m_reader, m_config.historyUserId).write(name(), echo, orderId, statusId);
}

Result<Model::Catalog> BitrixSource::catalog(const QString &siteUrl)
{
    return BitrixCatalogReader(*m_shop, m_reader->schema()).read(siteUrl);
}

Result<QList<Model::ShopOrder>> BitrixSource::ordersAfter(qint64 afterId, int limit)
{
    auto ids = m_reader->idsInRange(OrderRange(), afterId, limit);
    if (!ids)
        return ids.error();
    return m_reader->orders(ids.value());
}

Result<qint64> BitrixSource::countHistory(const OrderRange &range)
{
    return m_reader->countInRange(range);
}

Result<QList<Model::ShopEvent>> BitrixSource::history(const OrderRange &range, qint64 afterId, int limit)
{
    m_reader->refreshNames();
    auto ids = m_reader->idsInRange(range, afterId, limit);
    if (!ids)
        return ids.error();
    auto orders = m_reader->orders(ids.value());
    if (!orders)
        return orders.error();
    QList<Model::ShopEvent> events;
    for (const Model::ShopOrder &order : orders.value())
        events.append(SaleEventReader::orderEvent(name(), Model::ShopEvent::Kind::OrderCreated, order));
    return events;
}

} // namespace Source::Bitrix
