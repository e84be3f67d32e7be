// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectorFactory.h"

#include "amocrm/AmoCrmConnector.h"
#include "amocrm/AmoOAuthSession.h"
#include "amocrm/AmoWebhookParser.h"
#include "retailcrm/RetailCrmConnector.h"

#include <QNetworkAccessManager>

namespace Crm {

namespace {
/** A connector for a CRM this build cannot talk to: every call fails with a clear reason. */
class UnsupportedConnector final : public CrmConnector
{
public:
    UnsupportedConnector(QString crm, QObject *parent)
        : CrmConnector(parent)
        , m_crm(std::move(crm))
    { }
    QString crmName() const override { return m_crm; }
    int maxDealsPerCall() const override { return 1; }
    ConnectorState state() const override { return ConnectorState::NeedsSignIn; }
    void testConnection(Callback<AccountInfo> done) override { done(error()); }
    void fetchSchema(Callback<CrmSchema> done) override { done(error()); }
    void createFields(const QList<CustomField> &, Entity, Callback<CrmSchema> done) override
    {
        done(error());
    }
    void createDeals(const QList<DealCreate> &items, BatchCallback done) override { done(fail(items)); }
    void updateDeals(const QList<DealUpdate> &items, BatchCallback done) override { done(fail(items)); }
    void moveDeals(const QList<StageMove> &items, BatchCallback done) override { done(fail(items)); }
    void addNotes(const QList<NoteAdd> &items, BatchCallback done) override { done(fail(items)); }
    void upsertContacts(const QList<ContactUpsert> &items, BatchCallback done) override { done(fail(items)); }
    void findDealsByExternalIds(const QStringList &, qint64, Callback<QMap<QString, FoundDeal>> done) override
    {
        done(error());
    }
    void contactsChangedSince(qint64, int, Callback<ContactPage> done) override { done(error()); }
    void stageChangesSince(const QString &, Callback<StageChangePage> done) override { done(error()); }

private:
    Common::Error error() const
    {
        return Common::Error::permanent(
            QStringLiteral("This build of CRM Bridge cannot talk to %1 yet").arg(m_crm),
            QStringLiteral("unsupported-crm"));
    }
    template<typename T> QList<ItemOutcome> fail(const QList<T> &items) const
    {
        QList<ItemOutcome> outcomes;
        for (const T &item : items)
            outcomes.append({ item.key, error(), {}, {}, false });
        return outcomes;
    }
    QString m_crm;
};
} // namespace

ConnectorFactory::ConnectorFactory(std::shared_ptr<Storage::Database> db,
                                   std::shared_ptr<Secrets::SecretStore> secrets, ConnectorOptions options,
                                   const Common::Clock *clock)
    : m_db(std::move(db))
    , m_secrets(std::move(secrets))
    , m_options(options)
    , m_clock(clock)
{ }

ConnectorFactory::~ConnectorFactory() = default;

std::shared_ptr<AmoCrm::AmoOAuthSession> ConnectorFactory::amoSession(const Store::Connection &connection)
{
    QMutexLocker lock(&m_mutex);
    auto &session = m_sessions[connection.id];
    if (!session) {
        AmoCrm::AmoOAuthSession::Config config;
        config.connectionId = connection.id;
        config.integration
            = { QUrl(connection.baseUrl), connection.config.value(QLatin1String("client_id")).toString(),
                connection.config.value(QLatin1String("redirect_uri")).toString() };
        session = std::make_shared<AmoCrm::AmoOAuthSession>(config, m_secrets, m_db, m_clock);
    }
    return session;
}

QHash<QString, Model::WebhookParser> ConnectorFactory::webhookParsers()
{
    return { { QStringLiteral("amocrm"), &AmoCrm::AmoWebhookParser::parse } };
}

ConnectorFactory::Make ConnectorFactory::forConnection(const Store::Connection &connection)
{
    if (connection.crm == QLatin1String("retailcrm"))
        return forRetailCrm(connection);
    if (connection.crm != QLatin1String("amocrm")) {
        return [crm = connection.crm](QObject *parent) -> std::unique_ptr<CrmConnector> {
            return std::make_unique<UnsupportedConnector>(crm, parent);
        };
    }
    auto session = amoSession(connection);
    return [this, connection, session](QObject *parent) -> std::unique_ptr<CrmConnector> {
        AmoCrm::AmoConnectorConfig config;
        config.connectionId = connection.id;
        config.lane = connection.name;
        config.baseUrl = QUrl(connection.baseUrl);
        config.limit.requestsPerSecond = m_options.requestsPerSecond;
        config.transferTimeoutMs = m_options.transferTimeoutMs;
        config.retry.baseDelayMs = m_options.retryBaseDelayMs;
        config.healthCheckMs = m_options.healthCheckMs;
        config.firstHealthCheckMs = m_options.firstHealthCheckMs;
        config.paymentProbeMs = m_options.paymentProbeMs;
        auto *network = new QNetworkAccessManager(parent);
        return std::make_unique<AmoCrm::AmoCrmConnector>(config, session, m_db, network, m_clock, parent);
    };
}

double ConnectorFactory::requestsPerSecondOf(const Store::Connection &connection)
{
    if (connection.crm == QLatin1String("retailcrm"))
        return connection.config.value(QLatin1String("rate_limit")).toDouble(10);
    return ConnectorOptions().requestsPerSecond;
}

ConnectorFactory::Make ConnectorFactory::forRetailCrm(const Store::Connection &connection)
{
    return [this, connection](QObject *parent) -> std::unique_ptr<CrmConnector> {
        RetailCrm::RetailConnectorConfig config;
        config.connectionId = connection.id;
        config.lane = connection.name;
        config.baseUrl = QUrl(connection.baseUrl);
        config.site = connection.config.value(QLatin1String("site")).toString();
        config.limit.requestsPerSecond = requestsPerSecondOf(connection);
        config.transferTimeoutMs = m_options.transferTimeoutMs;
        config.retry.baseDelayMs = m_options.retryBaseDelayMs;
        if (auto rule = Store::contactMatchRuleFromName(
                connection.config.value(QLatin1String("match_rule")).toString()))
            config.matchRule = *rule;
        auto *network = new QNetworkAccessManager(parent);
        return std::make_unique<RetailCrm::RetailCrmConnector>(config, m_secrets, m_db, network, m_clock,
                                                               parent);
    };
}

} // namespace Crm
