// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopSidePanel.h"

#include "ShopSourceDialog.h"
#include "common/MessageBox.h"
#include "engine/BackSyncSetup.h"
#include "secrets/SecretStore.h"
#include "source/SourceRepo.h"
#include "source/intake/FormEndpointRepo.h"
#include "store/BackSyncConfig.h"
#include "store/ConnectionRepo.h"
#include "store/SettingsRepo.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace Gui {

namespace {

const QString kMask = QStringLiteral("••••••••");

} // namespace

ShopSidePanel::ShopSidePanel(std::shared_ptr<Storage::Database> db,
                             std::shared_ptr<Secrets::SecretStore> secrets,
                             std::shared_ptr<const Source::SourceRegistry> sources, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_secrets(std::move(secrets))
    , m_sources(std::move(sources))
    , m_tree(new QTreeWidget(this))
    , m_copyAddress(new QPushButton(tr("Copy the address"), this))
    , m_copySecret(new QPushButton(tr("Copy the secret"), this))
    , m_newSecret(new QPushButton(tr("New form secret…"), this))
    , m_addShop(new QPushButton(tr("Add a shop…"), this))
    , m_switchShop(new QPushButton(tr("Switch off"), this))
    , m_deleteShop(new QPushButton(tr("Delete…"), this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("shopSidePanel"));
    m_tree->setObjectName(QStringLiteral("shopSide"));
    m_tree->setRootIsDecorated(false);
    m_tree->setHeaderLabels({ tr("Source"), tr("Kind"), tr("Address"), tr("Secret") });
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(AddressColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(SecretColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_copyAddress->setObjectName(QStringLiteral("copyAddressButton"));
    m_copySecret->setObjectName(QStringLiteral("copySecretButton"));
    m_newSecret->setObjectName(QStringLiteral("newFormSecretButton"));
    m_addShop->setObjectName(QStringLiteral("addShopButton"));
    m_addShop->setEnabled(m_sources != nullptr); // a console built without any shop platform
    m_switchShop->setObjectName(QStringLiteral("switchShopButton"));
    m_deleteShop->setObjectName(QStringLiteral("deleteShopButton"));
    m_note->setObjectName(QStringLiteral("shopSideNote"));
    m_note->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addShop);
    buttons->addWidget(m_switchShop);
    buttons->addWidget(m_deleteShop);
    buttons->addWidget(m_note, 1);
    buttons->addWidget(m_newSecret);
    buttons->addWidget(m_copySecret);
    buttons->addWidget(m_copyAddress);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);

    connect(m_copyAddress, &QPushButton::clicked, this, &ShopSidePanel::copyAddress);
    connect(m_copySecret, &QPushButton::clicked, this, &ShopSidePanel::copySecret);
    connect(m_newSecret, &QPushButton::clicked, this, &ShopSidePanel::newFormSecret);
    connect(m_addShop, &QPushButton::clicked, this, &ShopSidePanel::addShop);
    connect(m_switchShop, &QPushButton::clicked, this, &ShopSidePanel::switchShop);
    connect(m_deleteShop, &QPushButton::clicked, this, &ShopSidePanel::deleteShop);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ShopSidePanel::onCurrentChanged);
    connect(this, &ShopSidePanel::noted, m_note, &QLabel::setText);
    reload();
}

QString ShopSidePanel::intakeBaseUrl(const QString &listen)
{
    QString hostPort = listen.trimmed().isEmpty() ? QStringLiteral("127.0.0.1:8088") : listen.trimmed();
    // A server listening on every address is reached by this machine's loopback address.
    if (hostPort.startsWith(QLatin1String("0.0.0.0:")))
        hostPort.replace(0, 7, QStringLiteral("127.0.0.1"));
    return QStringLiteral("http://") + hostPort;
}

QString ShopSidePanel::hookAddressPrefix(const Store::Connection &connection)
{
    // The CRM posts to <public URL>/hooks/<crm>/<secret>: the secret is the address's last part.
    QString base = Store::BackSyncConfig::of(connection).publicUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + Store::BackSyncConfig::hookPath(connection.crm, QString());
}

QString ShopSidePanel::maskedHookAddress(const Store::Connection &connection)
{
    return hookAddressPrefix(connection) + kMask;
}

void ShopSidePanel::reload()
{
    ++m_generation;
    const QString current = m_tree->currentItem() ? m_tree->currentItem()->text(NameColumn) : QString();
    m_tree->clear();
    if (auto sources = Source::SourceRepo(m_db).list()) {
        for (const Source::SourceRecord &source : sources.value()) {
            const QString prefix = source.config.value(QStringLiteral("prefix")).toString();
            const QString address
                = prefix.isEmpty() ? source.url : tr("%1 (tables %2…)").arg(source.url, prefix);
            const bool on = source.config.value(QStringLiteral("enabled")).toBool(true);
            addSource(source.name,
                      on ? tr("Shop database (%1)").arg(source.kind)
                         : tr("Shop database (%1), switched off").arg(source.kind),
                      address, source.secretScope(), Source::SourceRecord::passwordSecretName());
            m_tree->topLevelItem(m_tree->topLevelItemCount() - 1)
                ->setData(NameColumn, SourceNameRole, source.name);
        }
    }
    const QString base
        = intakeBaseUrl(Store::SettingsRepo(m_db).value(QStringLiteral("intake.listen")).valueOr(QString()));
    if (auto endpoints = Source::Intake::FormEndpointRepo(m_db).list()) {
        for (const auto &endpoint : endpoints.value())
            addForm(endpoint.name, base);
        if (!endpoints->isEmpty()) {
            auto *health = new QTreeWidgetItem(
                m_tree,
                { tr("Health check"), tr("Monitoring"), base + QStringLiteral("/health"), QString() });
            health->setData(AddressColumn, AddressRole, base + QStringLiteral("/health"));
        }
    }
    if (auto connections = Store::ConnectionRepo(m_db).list()) {
        for (const Store::Connection &connection : connections.value())
            addBackSync(connection);
    }
    addCatalogues(base);
    if (m_tree->topLevelItemCount() == 0)
        new QTreeWidgetItem(m_tree,
                            { tr("No shop yet"), QString(),
                              tr("Add one with “Add a shop…”, or start the demo."), QString() });
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        if (m_tree->topLevelItem(i)->text(NameColumn) == current)
            m_tree->setCurrentItem(m_tree->topLevelItem(i));
    }
    if (!m_tree->currentItem())
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    onCurrentChanged();
}

void ShopSidePanel::addSource(const QString &name, const QString &kind, const QString &address,
                              const QString &scope, const QString &secretName)
{
    auto *item = new QTreeWidgetItem(m_tree, { name, kind, address, tr("checking…") });
    item->setData(AddressColumn, AddressRole, address);
    item->setData(SecretColumn, SecretScopeRole, scope);
    item->setData(SecretColumn, SecretNameRole, secretName);
    item->setToolTip(AddressColumn, address);
    showSecretState(item);
}

void ShopSidePanel::addForm(const QString &name, const QString &baseUrl)
{
    const QString webhook = baseUrl + QStringLiteral("/forms/") + name;
    const QString secret = m_newFormSecrets.value(name);
    auto *item = new QTreeWidgetItem(
        m_tree, { name, tr("Web form (webhook)"), webhook, secret.isEmpty() ? tr("shown once") : kMask });
    item->setData(AddressColumn, AddressRole, webhook);
    item->setData(NameColumn, FormNameRole, name);
    item->setToolTip(AddressColumn, tr("POST with the header X-CRMBridge-Secret: <secret>"));
    item->setToolTip(SecretColumn,
                     secret.isEmpty() ? tr("Only a hash of the secret is kept: make a new one to "
                                           "see it.")
                                      : QString());
    // For a plain HTML form, which cannot send headers: the secret goes in the path.
    const QString plain = webhook + QStringLiteral("/")
        + (secret.isEmpty() ? QStringLiteral("<secret>")
                            : QString::fromLatin1(QUrl::toPercentEncoding(secret)));
    auto *html = new QTreeWidgetItem(
        m_tree,
        { name, tr("Web form (HTML action)"),
          webhook + QStringLiteral("/") + (secret.isEmpty() ? QStringLiteral("<secret>") : kMask),
          secret.isEmpty() ? tr("shown once") : kMask });
    html->setData(AddressColumn, AddressRole, plain);
    html->setData(NameColumn, FormNameRole, name);
}

void ShopSidePanel::addCatalogues(const QString &baseUrl)
{
    // `crmbridgectl icml export` (or the RetailCRM demo) names the file as icml.<source>.file.
    const auto settings = Store::SettingsRepo(m_db).all();
    if (!settings)
        return;
    for (auto it = settings->cbegin(); it != settings->cend(); ++it) {
        const QString &key = it.key();
        if (!key.startsWith(QLatin1String("icml.")) || !key.endsWith(QLatin1String(".file")))
            continue;
        const QString source = key.mid(5, key.size() - 10);
        const QString address = baseUrl + QStringLiteral("/icml/") + source + QStringLiteral(".xml");
        auto *item = new QTreeWidgetItem(
            m_tree, { source, tr("ICML catalogue (for RetailCRM)"), address, QString() });
        item->setData(AddressColumn, AddressRole, address);
        item->setToolTip(
            AddressColumn,
            tr("RetailCRM downloads the shop's catalogue from here; written to %1").arg(it.value()));
    }
}

void ShopSidePanel::addBackSync(const Store::Connection &connection)
{
    const Store::BackSyncConfig backSync = Store::BackSyncConfig::of(connection);
    if (backSync.mode == Store::BackSyncConfig::Mode::Polling) {
        new QTreeWidgetItem(m_tree,
                            { connection.name, tr("CRM stage changes (polling)"),
                              tr("every %n s", nullptr, int(backSync.pollMs / 1000)), QString() });
        return;
    }
    if (backSync.mode != Store::BackSyncConfig::Mode::Webhook)
        return;
    const QString prefix = hookAddressPrefix(connection);
    auto *item = new QTreeWidgetItem(m_tree,
                                     { connection.name, tr("CRM webhook (stage changes)"),
                                       maskedHookAddress(connection), tr("checking…") });
    item->setData(AddressColumn, AddressRole, prefix);
    item->setData(AddressColumn, AddressTakesSecretRole, true);
    item->setToolTip(AddressColumn, tr("Registered with the CRM; it forwards here to the form intake"));
    item->setData(SecretColumn, SecretScopeRole, Secrets::SecretStore::connectionScope(connection.id));
    item->setData(SecretColumn, SecretNameRole, Engine::BackSyncSetup::secretName());
    showSecretState(item);
}

void ShopSidePanel::showSecretState(QTreeWidgetItem *item)
{
    if (!m_secrets) {
        item->setText(SecretColumn, tr("no keychain"));
        return;
    }
    QPointer<ShopSidePanel> self(this);
    const quint64 generation = m_generation;
    const int row = m_tree->indexOfTopLevelItem(item);
    m_secrets->read(item->data(SecretColumn, SecretScopeRole).toString(),
                    item->data(SecretColumn, SecretNameRole).toString(),
                    [self, generation, row](Common::Result<QByteArray> value) {
                        if (!self || generation != self->m_generation)
                            return;
                        QTreeWidgetItem *item = self->m_tree->topLevelItem(row);
                        if (!item)
                            return;
                        if (value)
                            item->setText(SecretColumn, value->isEmpty() ? tr("no password") : kMask);
                        else if (value.error().kind == Common::ErrorKind::NotFound)
                            item->setText(SecretColumn, tr("no password"));
                        else
                            item->setText(SecretColumn, tr("keychain unavailable"));
                        item->setToolTip(SecretColumn, value ? QString() : value.error().message);
                        self->onCurrentChanged();
                    });
}

void ShopSidePanel::copyAddress()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    if (item && item->data(AddressColumn, AddressTakesSecretRole).toBool()) {
        copyWithSecret(item, item->data(AddressColumn, AddressRole).toString(),
                       tr("The address of %1 is copied.").arg(item->text(NameColumn)));
        return;
    }
    if (item && !item->data(AddressColumn, AddressRole).isNull()) {
        QApplication::clipboard()->setText(item->data(AddressColumn, AddressRole).toString());
        Q_EMIT noted(tr("The address of %1 is copied.").arg(item->text(NameColumn)));
    }
}

void ShopSidePanel::copySecret()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    if (!item)
        return;
    const QString form = item->data(NameColumn, FormNameRole).toString();
    if (!form.isEmpty()) {
        if (m_newFormSecrets.contains(form)) {
            QApplication::clipboard()->setText(m_newFormSecrets.value(form));
            Q_EMIT noted(tr("The secret of the form %1 is copied.").arg(form));
        }
        return;
    }
    const bool hook = item->data(AddressColumn, AddressTakesSecretRole).toBool();
    copyWithSecret(item, QString(),
                   hook ? tr("The webhook secret of %1 is copied.").arg(item->text(NameColumn))
                        : tr("The password of %1 is copied.").arg(item->text(NameColumn)));
}

void ShopSidePanel::copyWithSecret(QTreeWidgetItem *item, const QString &prefix, const QString &done)
{
    const QString scope = item->data(SecretColumn, SecretScopeRole).toString();
    if (scope.isEmpty() || !m_secrets)
        return;
    const QString name = item->text(NameColumn);
    QPointer<ShopSidePanel> self(this);
    m_secrets->read(scope, item->data(SecretColumn, SecretNameRole).toString(),
                    [self, name, prefix, done](Common::Result<QByteArray> value) {
                        if (!self)
                            return;
                        if (!value || value->isEmpty()) {
                            const bool none = value || value.error().kind == Common::ErrorKind::NotFound;
                            Q_EMIT self->noted(none ? tr("%1 has no password.").arg(name)
                                                    : value.error().message);
                            return;
                        }
                        QApplication::clipboard()->setText(prefix + QString::fromUtf8(value.value()));
                        Q_EMIT self->noted(done);
                    });
}

void ShopSidePanel::newFormSecret()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    const QString form = item ? item->data(NameColumn, FormNameRole).toString() : QString();
    if (form.isEmpty())
        return;
    if (MessageBox::question(this, tr("New form secret"),
                             tr("Make a new secret for the form %1? The old one stops working at once: "
                                "put the new one into the form's settings.")
                                 .arg(form),
                             tr("Make a new secret"))
        != QMessageBox::Yes)
        return;
    auto secret = Source::Intake::FormEndpointRepo(m_db).rotateSecret(form);
    if (!secret) {
        Q_EMIT noted(secret.error().message);
        return;
    }
    m_newFormSecrets.insert(form, secret.value());
    reload();
    Q_EMIT noted(
        tr("The form %1 has a new secret: copy it now, it is not shown after the console closes.").arg(form));
}

void ShopSidePanel::onCurrentChanged()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    const QString form = item ? item->data(NameColumn, FormNameRole).toString() : QString();
    m_copyAddress->setEnabled(item && !item->data(AddressColumn, AddressRole).isNull());
    m_copySecret->setEnabled(
        item
        && (m_newFormSecrets.contains(form)
            || (!item->data(SecretColumn, SecretScopeRole).isNull() && item->text(SecretColumn) == kMask)));
    m_newSecret->setEnabled(!form.isEmpty());
    const QString source = item ? item->data(NameColumn, SourceNameRole).toString() : QString();
    m_switchShop->setEnabled(!source.isEmpty());
    m_deleteShop->setEnabled(!source.isEmpty());
    if (!source.isEmpty()) {
        auto record = Source::SourceRepo(m_db).byName(source);
        const bool on = !record || record->config.value(QStringLiteral("enabled")).toBool(true);
        m_switchShop->setText(on ? tr("Switch off") : tr("Switch on"));
    }
}

ShopSourceDialog *ShopSidePanel::addShop()
{
    auto *dialog = new ShopSourceDialog(m_db, m_secrets, m_sources, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ShopSourceDialog::saved, this, [this](const QString &name) {
        reload();
        Q_EMIT noted(tr("The shop “%1” is added; the exchange reads it within seconds.").arg(name));
    });
    dialog->open();
    return dialog;
}

void ShopSidePanel::switchShop()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    const QString name = item ? item->data(NameColumn, SourceNameRole).toString() : QString();
    Source::SourceRepo repo(m_db);
    auto record = repo.byName(name);
    if (!record)
        return;
    const bool on = !record->config.value(QStringLiteral("enabled")).toBool(true);
    record->config.insert(QStringLiteral("enabled"), on);
    if (auto updated = repo.update(record.value()); !updated) {
        Q_EMIT noted(updated.error().message);
        return;
    }
    reload();
    Q_EMIT noted(on ? tr("The shop “%1” is on: its new orders are read again.").arg(name)
                    : tr("The shop “%1” is off: its new orders are not read (from the next start of the "
                         "exchange) until it is switched on.")
                          .arg(name));
}

bool ShopSidePanel::deleteShop()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    const QString name = item ? item->data(NameColumn, SourceNameRole).toString() : QString();
    if (name.isEmpty())
        return false;
    if (MessageBox::question(
            this, tr("Delete shop"),
            tr("Delete the shop “%1”? Its orders already queued or sent, and the log, stay.").arg(name),
            tr("Delete"))
        != QMessageBox::Yes)
        return false;
    if (auto removed = Source::SourceRepo(m_db).remove(name); !removed) {
        Q_EMIT noted(removed.error().message);
        return false;
    }
    if (m_secrets) {
        Source::SourceRecord gone;
        gone.name = name;
        // Its password leaves the keychain with it; a failure there leaves only an unused entry.
        m_secrets->remove(gone.secretScope(), Source::SourceRecord::passwordSecretName(),
                          [](Common::Status) {});
    }
    reload();
    Q_EMIT noted(tr("The shop “%1” was deleted.").arg(name));
    return true;
}

} // namespace Gui
