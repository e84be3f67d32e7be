// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoSession.h"

#include "EngineHost.h"
#include "IcmlPublisher.h"
#include "ShopSources.h"
#include "crm/CrmConnector.h"
#include "engine/SyncEngine.h"
#include "mapping/MappingRepo.h"
#include "secrets/MemorySecretStore.h"
#include "source/SourceRepo.h"
#include "source/intake/FormIntakeServer.h"
#include "storage/Migrator.h"
#include "store/ConnectionRepo.h"
#include "store/EntityLinkRepo.h"
#include "store/JobRepo.h"
#include "store/SettingsRepo.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

namespace App {

using Common::Error;
using Common::Result;
using Common::Status;

namespace {
const QString kSource = QStringLiteral("demo-shop");
} // namespace

DemoSession::DemoSession(DemoOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_network(new QNetworkAccessManager(this))
{
    m_crm = DemoCrm::make(m_options.crm, m_network, m_options.sandboxRate);
    m_shop = DemoShop::make(m_options.shop);
    connect(&m_customers, &QTimer::timeout, this, &DemoSession::placeOrder);
    connect(&m_manager, &QTimer::timeout, this, &DemoSession::letManagerAct);
}

DemoSession::~DemoSession()
{
    m_customers.stop();
    m_manager.stop();
    // The engine's threads use the connectors, the store and the sandboxes: it goes first.
    m_engine.reset();
    m_crm.reset();
    m_shop.reset();
}

Engine::SyncEngine *DemoSession::engine() const
{
    return m_engine ? m_engine->engine() : nullptr;
}

std::shared_ptr<Secrets::SecretStore> DemoSession::secrets() const
{
    return m_secrets;
}

QString DemoSession::dir() const
{
    return m_dir;
}

QUrl DemoSession::sandboxUrl() const
{
    return m_crm ? m_crm->sandboxUrl() : QUrl();
}

QString DemoSession::crmTitle() const
{
    return m_crm ? m_crm->title() : QString();
}

QString DemoSession::sentPhrase() const
{
    return m_crm ? m_crm->sentPhrase() : QString();
}

QUrl DemoSession::catalogueUrl() const
{
    if (!m_engine || !m_engine->intake())
        return {};
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2")
                    .arg(m_engine->intake()->port())
                    .arg(IcmlPublisher::path(kSource)));
}

QString DemoSession::describe(const CrmSummary &summary) const
{
    return m_crm->describe(summary);
}

DemoTarget DemoSession::target() const
{
    return { m_store, m_secrets, m_connection, kSource };
}

Status DemoSession::prepare()
{
    if (!m_crm)
        return Error::invalidInput(QStringLiteral("The demo runs on %1, not \"%2\"")
                                       .arg(DemoCrm::names().join(QStringLiteral(" or ")), m_options.crm));
    if (!m_shop)
        return Error::invalidInput(QStringLiteral("The demo shop is %1, not \"%2\"")
                                       .arg(shops().join(QStringLiteral(" or ")), m_options.shop));
    if (auto done = prepareFolder(); !done)
        return done;
    if (auto started = m_crm->startSandbox(); !started)
        return started;

    auto store
        = Storage::Database::open(QStringLiteral("sqlite://") + m_dir + QStringLiteral("/crmbridge.db"));
    if (!store)
        return store.error();
    m_store = store.value();
    if (auto migrated = Storage::Migrator(*m_store).migrate(); !migrated)
        return migrated.error();
    // In memory only: the demo runs where no secret service does. A real connection never does this.
    m_secrets = std::make_shared<Secrets::MemorySecretStore>();
    if (auto done = prepareShop(); !done)
        return done;
    if (auto done = prepareRecords(); !done)
        return done;
    if (auto done = publishCatalogue(); !done)
        return done;

    Crm::ConnectorOptions connector;
    connector.requestsPerSecond = m_crm->rate() > 0 ? m_crm->rate() : 1000;
    m_engine = std::make_unique<EngineHost>(m_store, m_secrets, connector);
    connect(m_engine->engine(), &Engine::SyncEngine::stopped, this, &DemoSession::stopped);
    return {};
}

Status DemoSession::prepareFolder()
{
    if (m_options.dir.isEmpty()) {
        m_tempDir
            = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/crmbridge-demo-XXXXXX"));
        if (!m_tempDir->isValid())
            return Error::unavailable(
                QStringLiteral("No temporary folder: %1").arg(m_tempDir->errorString()));
        m_dir = m_tempDir->path();
        return {};
    }
    m_dir = QDir(m_options.dir).absolutePath();
    if (!QDir().mkpath(m_dir))
        return Error::unavailable(QStringLiteral("Cannot create the folder %1").arg(m_dir));
    // Each run starts afresh: the sandbox starts empty, so the last run's store and shop would disagree.
    for (const QString &name :
         { QStringLiteral("crmbridge.db"), QStringLiteral("shop.db"), kSource + QStringLiteral(".xml") }) {
        for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
            QFile::remove(m_dir + QLatin1Char('/') + name + suffix);
    }
    return {};
}

Status DemoSession::prepareShop()
{
    const int orders = m_options.totalOrders > 0 ? std::min(m_options.initialOrders, m_options.totalOrders)
                                                 : m_options.initialOrders;
    if (auto made = m_shop->create(m_dir, orders); !made)
        return made;
    // What the mapping names — statuses, methods, categories (the routing rules name them by id) — as the
    // shop's own source reads them, whichever platform it is.
    auto source = shopSources()->openWithPassword(sourceRecord(), {}, m_shop->secret());
    if (!source)
        return source.error();
    auto categories = source.value()->categories();
    auto statuses = source.value()->statuses();
    auto deliveries = source.value()->methods(Source::MethodKind::Delivery);
    auto payments = source.value()->methods(Source::MethodKind::Payment);
    if (!categories || !statuses || !deliveries || !payments)
        return !categories ? categories.error()
            : !statuses    ? statuses.error()
            : !deliveries  ? deliveries.error()
                           : payments.error();
    m_facts = { categories.value(), statuses.value(), deliveries.value(), payments.value() };
    // The shop's delivery and payment names, for the lookup tables of select fields.
    for (const Source::ShopMethod &method : m_facts.deliveries)
        m_shopChoices[QStringLiteral("order.delivery.name")] << method.name;
    for (const Source::ShopMethod &method : m_facts.payments)
        m_shopChoices[QStringLiteral("order.payment.name")] << method.name;
    return {};
}

Status DemoSession::prepareRecords()
{
    auto added = Store::ConnectionRepo(m_store).add(m_crm->connection());
    if (!added)
        return added.error();
    m_connection = added.value();
    const auto [secretName, secret] = m_crm->secret();
    m_secrets->write(Secrets::SecretStore::connectionScope(m_connection.id), secretName, secret,
                     [](Status) {});

    if (auto saved = Source::SourceRepo(m_store).add(sourceRecord()); !saved)
        return saved.error();
    if (const QByteArray token = m_shop->secret(); !token.isEmpty())
        m_secrets->write(sourceRecord().secretScope(), Source::SourceRecord::passwordSecretName(), token,
                         [](Status) {});
    // The status history of those orders is not news: the source sends each order once, in its
    // present status (a source that starts from the beginning reads the status log from now on).
    return {};
}

Source::SourceRecord DemoSession::sourceRecord() const
{
    return m_shop->sourceRecord(kSource);
}

Status DemoSession::publishCatalogue()
{
    // amoCRM gets the shop's products in its catalogue (an hourly run, the first once the queue is
    // empty) and every new deal its products; RetailCRM downloads the ICML catalogue. The MoySklad
    // shop's products are not read as a catalogue yet: no run (the default), rather than one that fails.
    if (!m_shop->publishesCatalogue())
        return {};
    if (!m_crm->takesCatalogue())
        return Store::SettingsRepo(m_store).setValue(QStringLiteral("catalog.interval_min"),
                                                     QStringLiteral("60"));
    // What `crmbridgectl icml export` does, once: the intake server then serves it on any free port.
    // The shop's own source reads the catalogue, whichever platform it is.
    auto source = shopSources()->openWithPassword(sourceRecord(), {}, {});
    if (!source)
        return source.error();
    auto catalog = source.value()->catalog(QString());
    if (!catalog)
        return catalog.error();
    if (auto published
        = IcmlPublisher::publish(catalog.value(), QStringLiteral("Демо-магазин"), kSource,
                                 m_dir + QLatin1Char('/') + kSource + QStringLiteral(".xml"), m_store);
        !published)
        return published;
    return Store::SettingsRepo(m_store).setValue(QStringLiteral("intake.listen"),
                                                 QStringLiteral("127.0.0.1:0"));
}

void DemoSession::start()
{
    // What the sandbox's demo account holds already, so the summary counts only what the demo sent.
    m_crm->fetchSummary([this](Result<CrmSummary> before) {
        if (!before)
            return fail(before.error().message);
        m_baseline = before.value();
        m_crm->signIn(target(), [this](Status signedIn) {
            if (!signedIn)
                return fail(signedIn.error().message);
            m_connection = Store::ConnectionRepo(m_store).byId(m_connection.id).valueOr(m_connection);
            applyDefaultMapping();
        });
    });
}

void DemoSession::applyDefaultMapping()
{
    // What an operator does first on the Mapping page: read the CRM's fields and pipelines and start
    // from the mapping for them.
    m_schemaReader = m_engine->connectors()->forConnection(m_connection)(this);
    m_schemaReader->fetchSchema([this](Result<Crm::CrmSchema> schema) {
        if (!schema)
            return fail(
                QStringLiteral("Cannot read the sandbox CRM's fields: %1").arg(schema.error().message));
        Mapping::MappingRepo mappings(m_store);
        if (auto saved = mappings.saveSchema(m_connection.id, schema.value()); !saved)
            return fail(saved.error().message);
        Mapping::MappingSet set = m_crm->mapping(schema.value(), m_facts);
        set.orders.matchChoices(schema.value(), m_shopChoices);
        if (auto saved = mappings.save(m_connection.id, set); !saved)
            return fail(saved.error().message);
        switchBackSyncOn();
    });
}

void DemoSession::switchBackSyncOn()
{
    const auto request = m_crm->backSync();
    if (!request) {
        m_schemaReader.release()->deleteLater();
        return run();
    }
    // As the Connections page does when the operator picks polling.
    Engine::BackSyncSetup::apply(
        m_store, m_secrets, m_connection.id, m_schemaReader.get(), *request,
        [this](Result<Store::BackSyncConfig> config) {
            m_schemaReader.release()->deleteLater();
            if (!config)
                return fail(QStringLiteral("Cannot switch back-sync on: %1").arg(config.error().message));
            run();
        });
}

void DemoSession::run()
{
    // Started means the shop's orders are in the queue: the first look at any page shows them.
    connect(m_engine->engine(), &Engine::SyncEngine::sourceStateChanged, this,
            [this](const QString &, Engine::PollerState state, const QString &reason) {
                if (m_running || state == Engine::PollerState::Starting)
                    return;
                if (state != Engine::PollerState::Watching)
                    return fail(QStringLiteral("The demo shop cannot be read: %1").arg(reason));
                m_running = true;
                if (m_options.newOrderEveryMs > 0)
                    m_customers.start(m_options.newOrderEveryMs);
                if (m_options.managerEveryMs > 0)
                    m_manager.start(m_options.managerEveryMs);
                Q_EMIT started();
            });
    // The intake runs when there is a catalogue to serve (RetailCRM); the amoCRM demo needs none.
    if (auto started = m_engine->start(m_crm->takesCatalogue()); !started)
        return fail(started.error().message);
    // The intake took any free port: the Connections page shows its addresses from the setting.
    if (m_engine->intake())
        (void)Store::SettingsRepo(m_store).setValue(
            QStringLiteral("intake.listen"), QStringLiteral("127.0.0.1:%1").arg(m_engine->intake()->port()));
}

void DemoSession::placeOrder()
{
    if (m_options.totalOrders > 0 && m_shop->orders() >= m_options.totalOrders) {
        m_customers.stop();
        return;
    }
    m_shop->placeOrder();
}

void DemoSession::letManagerAct()
{
    m_crm->actAsManager(target(), m_shop->freshOrders(), [this](const QString &what) {
        if (!what.isEmpty())
            Q_EMIT managerActed(what);
    });
}

void DemoSession::stop()
{
    m_customers.stop();
    m_manager.stop();
    if (m_engine)
        m_engine->engine()->stop();
    else
        Q_EMIT stopped();
}

void DemoSession::fail(const QString &message)
{
    m_customers.stop();
    m_manager.stop();
    Q_EMIT failed(message);
}

DemoProgress DemoSession::progress() const
{
    DemoProgress progress;
    progress.ordersInShop = m_shop ? m_shop->orders() : 0;
    progress.synced
        = Store::EntityLinkRepo(m_store).count(m_connection.id, QStringLiteral("order")).valueOr(0);
    auto counts = Store::JobRepo(m_store).countsByState();
    progress.failed = counts ? counts->value(Store::JobState::Failed) : 0;
    return progress;
}

void DemoSession::fetchCrmSummary(std::function<void(Result<CrmSummary>)> done)
{
    m_crm->fetchSummary([baseline = m_baseline, done = std::move(done)](Result<CrmSummary> now) {
        if (!now)
            return done(now.error());
        CrmSummary summary;
        summary.deals = now->deals - baseline.deals;
        summary.contacts = now->contacts - baseline.contacts;
        summary.notes = now->notes - baseline.notes;
        done(summary);
    });
}

} // namespace App
