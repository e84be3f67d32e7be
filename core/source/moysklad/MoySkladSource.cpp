// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladSource.h"

#include "MoySkladBonusWriter.h"
#include "MoySkladCatalogReader.h"
#include "MoySkladClient.h"
#include "MoySkladEventReader.h"
#include "MoySkladLog.h"
#include "model/SourceFieldCatalogue.h"
#include "source/ShopWebhooks.h"

#include <QJsonArray>
#include <QUrl>

using Common::Error;
using Common::Result;

namespace Source::MoySklad {

Result<MoySkladConfig> MoySkladConfig::fromRecord(const SourceRecord &record, const QByteArray &secret)
{
    MoySkladConfig config;
    config.name = record.name;
    if (!record.url.trimmed().isEmpty())
        config.apiUrl = record.url.trimmed();
    const QUrl url(config.apiUrl);
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
        || !url.userInfo().isEmpty())
        return Error::invalidInput(
            QStringLiteral("\"%1\" is not a MoySklad API address (https://…/api/remap/1.2)").arg(record.url),
            QStringLiteral("moysklad-url"));
    config.login = record.config.value("login").toString().trimmed();
    if (secret.trimmed().isEmpty())
        return Error::auth(
            QStringLiteral("The MoySklad source \"%1\" has no %2 in the secret store")
                .arg(record.name,
                     config.login.isEmpty() ? QStringLiteral("token") : QStringLiteral("password")),
            QStringLiteral("moysklad-token"));
    // A password is taken as typed; a token never has spaces around it.
    config.secret = config.login.isEmpty() ? secret.trimmed() : secret;
    config.fromBeginning = record.config.value("start").toString() == QLatin1String("beginning");
    config.requestsPerWindow = qBound(1, record.config.value("requests_per_3s").toInt(45), 45);
    // Purchases by default, as amoCRM's own MoySklad integration makes them: a purchase on the buyer's
    // CRM customer (a CRM without customers takes the sale as a deal, so no default fails a sale).
    const QString salesAs = record.config.value("sales_as").toString(QStringLiteral("purchases"));
    if (salesAs != QLatin1String("purchases") && salesAs != QLatin1String("deals"))
        return Error::invalidInput(
            QStringLiteral("sales_as is \"purchases\" or \"deals\", not \"%1\"").arg(salesAs),
            QStringLiteral("moysklad-sales-as"));
    config.salesAsDeals = salesAs == QLatin1String("deals");
    if (const ShopWebhooks hooks = ShopWebhooks::of(record); hooks.isOn())
        config.ownWritesPrefix = hooks.ownWritesPrefix(record.name);
    return config;
}

QByteArray MoySkladConfig::authorization() const
{
    return login.isEmpty() ? MoySkladClient::bearer(secret) : MoySkladClient::basic(login, secret);
}

MoySkladSource::MoySkladSource(MoySkladConfig config)
    : m_config(std::move(config))
    , m_client(std::make_unique<MoySkladClient>(m_config.apiUrl, m_config.authorization(),
                                                m_config.requestsPerWindow))
    , m_reader(std::make_unique<MoySkladEventReader>(*m_client, m_config.name, m_config.fromBeginning,
                                                     m_config.salesAsDeals))
    , m_bonus(std::make_unique<MoySkladBonusWriter>(*m_client))
{
    m_client->muteOwnWebhooks(m_config.ownWritesPrefix);
}

MoySkladSource::~MoySkladSource() = default;

Result<std::unique_ptr<MoySkladSource>> MoySkladSource::open(MoySkladConfig config)
{
    std::unique_ptr<MoySkladSource> source(new MoySkladSource(std::move(config)));
    // One cheap request proves the address, the credentials and gzip before the source is used.
    auto probe = source->m_client->get(QStringLiteral("/entity/organization?limit=1"));
    if (!probe)
        return probe.error();
    return source;
}

Result<QList<Model::SourceField>> MoySkladSource::fieldCatalogue()
{
    return Model::SourceFieldCatalogue::forOrders();
}

Result<Model::CategoryTree> MoySkladSource::categories()
{
    // Product groups are the categories; a page of 1000 is what MoySklad gives at most.
    Model::CategoryTree tree;
    QString next = QStringLiteral("/entity/productfolder?limit=1000");
    while (!next.isEmpty()) {
        auto page = m_client->get(next);
        if (!page)
            return page.error();
        for (const QJsonValue &value : page->value("rows").toArray()) {
            const QJsonObject folder = value.toObject();
            const QString parentHref
                = folder.value("productFolder").toObject().value("meta").toObject().value("href").toString();
            tree.add({ folder.value("id").toString(), parentHref.section('/', -1),
                       folder.value("name").toString() });
        }
        next = page->value("meta").toObject().value("nextHref").toString();
    }
    return tree;
}

Result<QList<ShopStatus>> MoySkladSource::statuses()
{
    return QList<ShopStatus> {};
}

Result<SourceSummary> MoySkladSource::summary()
{
    auto sales = m_client->get(QStringLiteral("/entity/retaildemand?limit=1"));
    if (!sales)
        return sales.error();
    auto people
        = m_client->get(QStringLiteral("/entity/counterparty?limit=1&filter=companyType%3Dindividual"));
    if (!people)
        return people.error();
    auto tree = categories();
    if (!tree)
        return tree.error();
    SourceSummary summary;
    summary.orders = sales->value("meta").toObject().value("size").toInteger();
    summary.categories = tree->categories().size();
    summary.details = QStringLiteral("MoySklad at %1: %2 retail sales, %3 private buyers")
                          .arg(m_config.apiUrl)
                          .arg(summary.orders)
                          .arg(people->value("meta").toObject().value("size").toInteger());
    return summary;
}

int MoySkladSource::minPollIntervalMs() const
{
    constexpr double kPollingShare = 0.4;
    const double perRead = double(MoySkladEventReader::streams().size());
    return int(perRead * 1000.0 / (qMax(0.1, m_client->requestsPerSecond()) * kPollingShare));
}

Result<QStringList> MoySkladSource::subscribe(const QString &url)
{
    static const QList<QPair<QString, QString>> kHooks {
        { "retaildemand", "CREATE" },     { "retaildemand", "UPDATE" },     { "customerorder", "CREATE" },
        { "customerorder", "UPDATE" },    { "counterparty", "CREATE" },     { "counterparty", "UPDATE" },
        { "bonustransaction", "CREATE" }, { "bonustransaction", "UPDATE" },
    };
    QStringList ids;
    for (const auto &[entityType, action] : kHooks) {
        auto made = m_client->post(
            QStringLiteral("/entity/webhook"),
            QJsonObject { { "url", url }, { "action", action }, { "entityType", entityType } });
        if (!made) {
            // All or nothing: what was registered goes again (a failure here is logged by the client).
            (void)unsubscribe(ids);
            Common::Error error = made.error();
            error.message = QStringLiteral("MoySklad did not take the webhook for %1 %2: %3")
                                .arg(entityType, action, error.message);
            return error;
        }
        ids << made->value(QLatin1String("id")).toString();
    }
    return ids;
}

Common::Status MoySkladSource::unsubscribe(const QStringList &hookIds)
{
    for (const QString &id : hookIds) {
        if (auto removed = m_client->remove(QStringLiteral("/entity/webhook/") + id); !removed)
            return removed;
    }
    return {};
}

Result<SourceRead> MoySkladSource::read(const Marks &marks, int maxEvents)
{
    return m_reader->read(marks, maxEvents);
}

Result<Model::Catalog> MoySkladSource::catalog(const QString &)
{
    return MoySkladCatalogReader(*m_client).read();
}

Common::Status MoySkladSource::deleteProduct(const QString &productId)
{
    if (productId.isEmpty() || productId.contains(QLatin1Char('/')) || productId.contains(QLatin1Char('?')))
        return Error::invalidInput(QStringLiteral("\"%1\" is not a MoySklad product id").arg(productId),
                                   QStringLiteral("moysklad-id"));
    // The client counts a 404 as deleted: a repeat after a lost answer, or deleted in MoySklad meanwhile.
    auto removed = m_client->remove(QStringLiteral("/entity/product/") + productId);
    if (removed) {
        qCInfo(lcMoySklad) << m_config.name << ": product" << productId << "deleted (its CRM element was)";
        return removed;
    }
    if (removed.error().httpStatus == 409) {
        Error e = removed.error();
        e.code = QStringLiteral("product-in-use");
        e.message
            = QStringLiteral("MoySklad keeps product %1: documents use it (%2)").arg(productId, e.message);
        return e;
    }
    return removed;
}

Common::Status MoySkladSource::writeStatus(const QString &orderId, const QString &statusId)
{
    Q_UNUSED(statusId)
    return Error::permanent(
        QStringLiteral("MoySklad order %1: writing statuses back is not supported yet").arg(orderId),
        QStringLiteral("unsupported"));
}

Result<double> MoySkladSource::bonusPoints(const QString &customerId)
{
    return m_bonus->balance(customerId);
}

Result<PointsGranted> MoySkladSource::grantBonusPoints(const PointsGrant &grant)
{
    return m_bonus->grant(grant);
}

} // namespace Source::MoySklad
