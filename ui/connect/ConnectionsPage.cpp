// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionsPage.h"

#include "AmoSignInPanel.h"
#include "BackSyncPanel.h"
#include "CatalogPanel.h"
#include "RetailConnectionDialog.h"
#include "RetailConnectionPanel.h"
#include "ShopSidePanel.h"
#include "common/MessageBox.h"
#include "store/ConnectionRepo.h"
#include "store/JobRepo.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Gui {

namespace {

/** Config flag of an amoCRM connection added in the console: off until its first sign-in. */
const QString kOffUntilSignedIn = QStringLiteral("off_until_signed_in");

bool isRetail(const Store::Connection &connection)
{
    return connection.crm == QLatin1String("retailcrm");
}

QString stateText(const Store::Connection &connection)
{
    if (!connection.enabled() && connection.config.value(kOffUntilSignedIn).toBool())
        return ConnectionsPage::tr("off until it is signed in");
    if (!connection.enabled())
        return ConnectionsPage::tr("switched off: gets no orders");
    const QString &state = connection.state;
    if (state == QLatin1String("paused"))
        return ConnectionsPage::tr("paused");
    if (state == QLatin1String("blocked"))
        return ConnectionsPage::tr("blocked by the CRM");
    if (isRetail(connection)) {
        if (state == QLatin1String("signed-in"))
            return ConnectionsPage::tr("RetailCRM, the key works");
        if (state == QLatin1String("needs-sign-in"))
            return ConnectionsPage::tr("RetailCRM, replace the key");
        return ConnectionsPage::tr("RetailCRM, key not checked yet");
    }
    if (state == QLatin1String("signed-in"))
        return ConnectionsPage::tr("signed in");
    if (state == QLatin1String("needs-sign-in"))
        return ConnectionsPage::tr("needs a new sign-in");
    return ConnectionsPage::tr("not signed in yet");
}

} // namespace

ConnectionsPage::ConnectionsPage(std::shared_ptr<Storage::Database> db,
                                 std::shared_ptr<Secrets::SecretStore> secrets,
                                 std::shared_ptr<const Source::SourceRegistry> sources, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_secrets(std::move(secrets))
    , m_list(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_baseUrl(new QLineEdit(this))
    , m_clientId(new QLineEdit(this))
    , m_redirectUri(new QLineEdit(this))
    , m_result(new QLabel(this))
    , m_signIn(new AmoSignInPanel(m_db, m_secrets, this))
    , m_retail(new RetailConnectionPanel(m_db, m_secrets, this))
    , m_backSync(new BackSyncPanel(m_db, m_secrets, this))
    , m_catalog(new CatalogPanel(m_db, this))
    , m_crmBox(new QGroupBox(tr("amoCRM"), this))
    , m_enabled(new QCheckBox(tr("Send the shops' orders, forms and customers to this CRM"), this))
    , m_delete(new QPushButton(tr("Delete…"), this))
    , m_details(new QStackedWidget(this))
    , m_shop(new ShopSidePanel(m_db, m_secrets, std::move(sources), this))
{
    setObjectName(QStringLiteral("connectionsPage"));
    auto *title = new QLabel(tr("Connections"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_list->setObjectName(QStringLiteral("connectionList"));
    m_list->setMaximumWidth(240);
    m_list->setMinimumWidth(160);
    m_name->setObjectName(QStringLiteral("connectionName"));
    m_baseUrl->setObjectName(QStringLiteral("connectionBaseUrl"));
    m_baseUrl->setPlaceholderText(QStringLiteral("https://example.amocrm.ru"));
    m_clientId->setObjectName(QStringLiteral("connectionClientId"));
    m_redirectUri->setObjectName(QStringLiteral("connectionRedirectUri"));
    m_redirectUri->setPlaceholderText(QStringLiteral("http://127.0.0.1:17817/amocrm"));
    m_result->setObjectName(QStringLiteral("connectionResult"));
    m_result->setWordWrap(true);
    auto *add = new QPushButton(tr("New connection"), this);
    add->setObjectName(QStringLiteral("newConnectionButton"));
    auto *addMenu = new QMenu(add);
    QAction *newAmo = addMenu->addAction(tr("amoCRM"));
    newAmo->setObjectName(QStringLiteral("newAmoConnectionAction"));
    QAction *newRetail = addMenu->addAction(tr("RetailCRM…"));
    newRetail->setObjectName(QStringLiteral("newRetailConnectionAction"));
    add->setMenu(addMenu);
    auto *save = new QPushButton(tr("Save"), this);
    save->setObjectName(QStringLiteral("saveConnectionButton"));

    auto *amoPage = new QWidget(this);
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Account address:"), m_baseUrl);
    form->addRow(tr("Integration ID:"), m_clientId);
    form->addRow(tr("Redirect address:"), m_redirectUri);
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_result, 1);
    saveRow->addWidget(save);
    auto *amoLayout = new QVBoxLayout(amoPage);
    amoLayout->setContentsMargins(0, 0, 0, 0);
    amoLayout->addLayout(form);
    amoLayout->addLayout(saveRow);
    amoLayout->addWidget(m_signIn);
    amoLayout->addStretch();
    m_details->addWidget(amoPage);
    m_details->addWidget(m_retail);
    m_crmBox->setObjectName(QStringLiteral("crmBox"));
    m_enabled->setObjectName(QStringLiteral("connectionEnabled"));
    m_enabled->setToolTip(
        tr("Switched off, nothing new is queued for this CRM. Jobs already in its queue wait, from the next "
           "start of the exchange, until it is switched on again"));
    m_delete->setObjectName(QStringLiteral("deleteConnectionButton"));
    m_delete->setToolTip(tr("Its waiting and failed jobs are cancelled; delivered jobs and the log stay"));
    auto *switchRow = new QHBoxLayout;
    switchRow->addWidget(m_enabled, 1);
    switchRow->addWidget(m_delete);
    auto *crmLayout = new QVBoxLayout(m_crmBox);
    crmLayout->addLayout(switchRow);
    crmLayout->addWidget(m_details);

    auto *backSyncBox = new QGroupBox(tr("CRM stage changes back to the shop"), this);
    auto *backSyncLayout = new QVBoxLayout(backSyncBox);
    backSyncLayout->addWidget(m_backSync);

    auto *catalogBox = new QGroupBox(tr("Products in the CRM's catalogue"), this);
    catalogBox->setObjectName(QStringLiteral("catalogBox"));
    auto *catalogLayout = new QVBoxLayout(catalogBox);
    catalogLayout->addWidget(m_catalog);

    auto *listBox = new QVBoxLayout;
    listBox->addWidget(m_list, 1);
    listBox->addWidget(add);
    auto *details = new QVBoxLayout;
    details->addWidget(m_crmBox, 1);
    // Side by side: both are short, and the page keeps its height for the shop table below.
    auto *lowerRow = new QHBoxLayout;
    lowerRow->addWidget(backSyncBox, 1);
    lowerRow->addWidget(catalogBox, 1);
    details->addLayout(lowerRow);
    auto *top = new QHBoxLayout;
    top->addLayout(listBox);
    top->addLayout(details, 1);

    auto *shopBox = new QGroupBox(tr("Shop and forms"), this);
    auto *shopLayout = new QVBoxLayout(shopBox);
    shopLayout->addWidget(m_shop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 18);
    layout->addWidget(title);
    layout->addLayout(top, 3);
    layout->addWidget(shopBox, 2);

    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        if (auto *item = m_list->currentItem())
            showConnection(item->data(Qt::UserRole).toLongLong());
    });
    connect(newAmo, &QAction::triggered, this, &ConnectionsPage::newAmoConnection);
    connect(newRetail, &QAction::triggered, this, &ConnectionsPage::newRetailConnection);
    connect(save, &QPushButton::clicked, this, &ConnectionsPage::saveConnection);
    connect(m_signIn, &AmoSignInPanel::connectionChanged, this, &ConnectionsPage::reload);
    connect(m_retail, &RetailConnectionPanel::connectionChanged, this, &ConnectionsPage::reload);
    connect(m_backSync, &BackSyncPanel::changed, this, &ConnectionsPage::reload);
    connect(m_enabled, &QCheckBox::toggled, this, &ConnectionsPage::switchConnection);
    connect(m_delete, &QPushButton::clicked, this, &ConnectionsPage::deleteConnection);
    reload();
}

bool ConnectionsPage::deleteConnection()
{
    Store::ConnectionRepo repo(m_db);
    auto connection = repo.byId(m_current);
    if (!connection)
        return false;
    Store::JobQuery waiting;
    waiting.connectionId = connection->id;
    waiting.states = { Store::JobState::Pending, Store::JobState::Failed };
    const int queued = Store::JobRepo(m_db).count(waiting).valueOr(0);
    const QString question = tr("Delete the connection “%1”?").arg(connection->name) + QStringLiteral("\n\n")
        + tr("%n waiting or failed job(s) of it will be cancelled. Delivered jobs and the log stay.", nullptr,
             queued);
    if (MessageBox::question(this, tr("Delete connection"), question, tr("Delete")) != QMessageBox::Yes)
        return false;
    if (auto removed = repo.remove(connection->id); !removed) {
        m_result->setText(removed.error().message);
        return false;
    }
    m_current = 0;
    reload();
    m_result->setText(tr("The connection “%1” was deleted.").arg(connection->name));
    return true;
}

void ConnectionsPage::switchConnection(bool enabled)
{
    Store::ConnectionRepo repo(m_db);
    auto connection = repo.byId(m_current);
    if (!connection || connection->enabled() == enabled)
        return;
    connection->config.insert(QStringLiteral("enabled"), enabled);
    if (auto updated = repo.update(connection.value()); !updated) {
        m_result->setText(updated.error().message);
        return;
    }
    reload();
}

void ConnectionsPage::reload()
{
    const qint64 keep = m_current;
    QSignalBlocker blocker(m_list);
    m_list->clear();
    if (auto connections = Store::ConnectionRepo(m_db).list()) {
        for (const Store::Connection &c : connections.value()) {
            auto *item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(c.name, stateText(c)), m_list);
            item->setData(Qt::UserRole, c.id);
            if (c.id == keep || (keep == 0 && m_list->count() == 1))
                m_list->setCurrentItem(item);
        }
    }
    blocker.unblock();
    // A connection added here starts off; its first sign-in switches it on.
    if (auto connections = Store::ConnectionRepo(m_db).list()) {
        for (Store::Connection c : connections.value()) {
            if (!c.config.value(kOffUntilSignedIn).toBool() || c.state != QLatin1String("signed-in"))
                continue;
            c.config.remove(kOffUntilSignedIn);
            c.config.insert(QStringLiteral("enabled"), true);
            if (Store::ConnectionRepo(m_db).update(c)) {
                if (auto *signedIn
                    = m_list->findItems(c.name + QLatin1Char('\n'), Qt::MatchStartsWith).value(0))
                    signedIn->setText(QStringLiteral("%1\n%2").arg(c.name, stateText(c)));
            }
        }
    }
    const auto *item = m_list->currentItem();
    showConnection(item ? item->data(Qt::UserRole).toLongLong() : 0);
    m_shop->reload();
}

void ConnectionsPage::newAmoConnection()
{
    m_list->clearSelection();
    showConnection(0);
    m_name->setFocus();
}

RetailConnectionDialog *ConnectionsPage::newRetailConnection()
{
    auto *dialog = new RetailConnectionDialog(m_db, m_secrets, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RetailConnectionDialog::saved, this, [this](qint64 id) {
        m_current = id;
        reload();
    });
    dialog->open();
    return dialog;
}

void ConnectionsPage::showConnection(qint64 id)
{
    m_current = id;
    m_result->clear();
    Store::Connection connection;
    if (id > 0) {
        auto found = Store::ConnectionRepo(m_db).byId(id);
        if (found)
            connection = found.value();
    }
    const bool retail = isRetail(connection);
    m_crmBox->setTitle(retail ? tr("RetailCRM") : tr("amoCRM"));
    m_details->setCurrentIndex(retail ? 1 : 0);
    m_name->setText(connection.name);
    m_baseUrl->setText(connection.baseUrl);
    m_clientId->setText(connection.config.value(QStringLiteral("client_id")).toString());
    m_redirectUri->setText(connection.config.value(QStringLiteral("redirect_uri")).toString());
    m_signIn->setConnection(retail ? Store::Connection {} : connection);
    if (retail)
        m_retail->setConnection(connection);
    m_backSync->setConnection(connection);
    m_catalog->setConnection(connection);
    QSignalBlocker blocker(m_enabled);
    m_enabled->setChecked(connection.enabled());
    m_enabled->setVisible(id > 0);
    m_delete->setVisible(id > 0);
}

bool ConnectionsPage::saveConnection()
{
    Store::Connection connection;
    Store::ConnectionRepo repo(m_db);
    if (m_current > 0) {
        auto found = repo.byId(m_current);
        if (found)
            connection = found.value();
    }
    connection.name = m_name->text().trimmed();
    connection.crm = QStringLiteral("amocrm");
    connection.baseUrl = m_baseUrl->text().trimmed();
    connection.config.insert(QStringLiteral("client_id"), m_clientId->text().trimmed());
    connection.config.insert(QStringLiteral("redirect_uri"), m_redirectUri->text().trimmed());
    const QUrl url(connection.baseUrl);
    if (connection.name.isEmpty() || !url.isValid() || url.host().isEmpty()) {
        m_result->setText(tr("Give the connection a name and the account's address (https://….amocrm.ru)."));
        return false;
    }
    if (m_current > 0) {
        if (auto updated = repo.update(connection); !updated) {
            m_result->setText(updated.error().message);
            return false;
        }
    } else {
        // Nothing is queued for it until it is signed in (reload() switches it on then).
        connection.config.insert(QStringLiteral("enabled"), false);
        connection.config.insert(kOffUntilSignedIn, true);
        auto added = repo.add(connection);
        if (!added) {
            m_result->setText(added.error().message);
            return false;
        }
        m_current = added->id;
    }
    reload();
    m_result->setText(tr("Saved."));
    return true;
}

} // namespace Gui
