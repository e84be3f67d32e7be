// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailConnectionDialog.h"

#include "common/SecretPlace.h"
#include "crm/retailcrm/RetailCrmConnector.h"
#include "secrets/SecretStore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace Gui {

RetailConnectionDialog::RetailConnectionDialog(std::shared_ptr<Storage::Database> db,
                                               std::shared_ptr<Secrets::SecretStore> secrets,
                                               const Store::Connection &existing, QWidget *parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_secrets(std::move(secrets))
    , m_connection(existing)
    , m_check(new RetailKeyCheck(m_db, m_secrets, this))
    , m_name(new QLineEdit(this))
    , m_baseUrl(new QLineEdit(this))
    , m_key(new QLineEdit(this))
    , m_site(new QComboBox(this))
    , m_checkButton(new QPushButton(tr("Check connection"), this))
    , m_result(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    const bool replacing = existing.id > 0;
    setObjectName(QStringLiteral("retailConnectionDialog"));
    setWindowTitle(replacing ? tr("Replace the API key of %1").arg(existing.name)
                             : tr("New RetailCRM connection"));
    m_name->setObjectName(QStringLiteral("retailName"));
    m_name->setText(existing.name);
    m_name->setReadOnly(replacing);
    m_baseUrl->setObjectName(QStringLiteral("retailBaseUrl"));
    m_baseUrl->setText(existing.baseUrl);
    m_baseUrl->setPlaceholderText(QStringLiteral("https://example.retailcrm.ru"));
    m_key->setObjectName(QStringLiteral("retailApiKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(SecretPlace::keptIn(*m_secrets));
    m_site->setObjectName(QStringLiteral("retailSite"));
    m_site->setEditable(true);
    m_site->setInsertPolicy(QComboBox::NoInsert);
    m_site->lineEdit()->setPlaceholderText(tr("Check the connection to list the sites"));
    const QString site = existing.config.value(QStringLiteral("site")).toString();
    if (!site.isEmpty())
        m_site->setEditText(site);
    m_checkButton->setObjectName(QStringLiteral("retailCheckButton"));
    m_result->setObjectName(QStringLiteral("retailCheckResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setMinimumHeight(m_result->fontMetrics().lineSpacing() * 2);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("retailSaveButton"));

    auto *hint = new QLabel(tr("The key is made in RetailCRM under Administration → Integration → API "
                               "access keys; it needs access to the shop's site."),
                            this);
    hint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Account address:"), m_baseUrl);
    form->addRow(tr("API key:"), m_key);
    form->addRow(tr("Site:"), m_site);
    auto *checkRow = new QHBoxLayout;
    checkRow->addWidget(m_checkButton, 0, Qt::AlignTop);
    checkRow->addWidget(m_result, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(form);
    layout->addLayout(checkRow);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(520);

    connect(m_checkButton, &QPushButton::clicked, this, &RetailConnectionDialog::check);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RetailConnectionDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    (replacing ? m_key : m_name)->setFocus();
}

bool RetailConnectionDialog::validInput(QUrl *url)
{
    *url = QUrl(m_baseUrl->text().trimmed());
    if (!url->isValid() || (url->scheme() != QLatin1String("https") && url->scheme() != QLatin1String("http"))
        || url->host().isEmpty()) {
        m_result->setText(tr("Give the account's address, like https://example.retailcrm.ru."));
        return false;
    }
    if (m_key->text().trimmed().isEmpty()) {
        m_result->setText(tr("Paste the API key."));
        return false;
    }
    return true;
}

void RetailConnectionDialog::setBusy(bool busy, const QString &text)
{
    m_checkButton->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!busy);
    m_result->setText(text);
}

void RetailConnectionDialog::check()
{
    QUrl url;
    if (!validInput(&url))
        return;
    setBusy(true, tr("Checking…"));
    QPointer<RetailConnectionDialog> self(this);
    m_check->checkTyped(url, m_key->text(), QString(), [self](Common::Result<RetailAccount> account) {
        if (!self)
            return;
        if (!account) {
            self->setBusy(false, tr("The check failed: %1").arg(account.error().message));
            return;
        }
        self->showSites(account.value());
        const int sites = int(account->sites.size());
        self->setBusy(false,
                      sites == 1 ? tr("The key works. It sees one site, chosen below.")
                                 : tr("The key works. It sees %n site(s): pick the shop's.", nullptr, sites));
    });
}

void RetailConnectionDialog::showSites(const RetailAccount &account)
{
    const QString typed = m_site->currentText().trimmed();
    m_site->clear();
    for (const RetailAccount::Site &site : account.sites)
        m_site->addItem(site.name == site.code ? site.code
                                               : QStringLiteral("%1 (%2)").arg(site.name, site.code),
                        site.code);
    const int keep = m_site->findData(typed);
    m_site->setCurrentIndex(keep >= 0 ? keep : (account.sites.size() == 1 ? 0 : -1));
    if (m_site->currentIndex() < 0)
        m_site->setEditText(typed);
}

void RetailConnectionDialog::save()
{
    QUrl url;
    if (m_connection.id == 0) {
        const QString name = m_name->text().trimmed();
        if (name.isEmpty()) {
            m_result->setText(tr("Give the connection a name."));
            return;
        }
        if (Store::ConnectionRepo(m_db).byName(name)) {
            m_result->setText(tr("There is a connection named %1 already.").arg(name));
            return;
        }
    }
    if (!validInput(&url))
        return;
    // The chosen site's code: an item's data, or what was typed.
    const int index = m_site->currentIndex();
    const QString site = index >= 0 && m_site->itemText(index) == m_site->currentText()
        ? m_site->itemData(index).toString()
        : m_site->currentText().trimmed();
    if (site.isEmpty()) {
        m_result->setText(tr("Pick the shop's site (check the connection to list them)."));
        return;
    }
    m_connection.name = m_name->text().trimmed();
    m_connection.crm = QStringLiteral("retailcrm");
    m_connection.baseUrl = url.toString(QUrl::StripTrailingSlash);
    m_connection.config.insert(QStringLiteral("site"), site);
    setBusy(true, tr("Checking…"));
    QPointer<RetailConnectionDialog> self(this);
    m_check->checkTyped(url, m_key->text(), site, [self](Common::Result<RetailAccount> account) {
        if (!self)
            return;
        if (!account) {
            self->setBusy(false, tr("Not saved: %1").arg(account.error().message));
            return;
        }
        self->store();
    });
}

void RetailConnectionDialog::store()
{
    // Checked just now: the connection works, as after `crmbridgectl connection test`.
    m_connection.state = QStringLiteral("signed-in");
    Store::ConnectionRepo repo(m_db);
    const bool adding = m_connection.id == 0;
    if (adding) {
        auto added = repo.add(m_connection);
        if (!added) {
            setBusy(false, tr("Not saved: %1").arg(added.error().message));
            return;
        }
        m_connection.id = added->id;
    }
    QPointer<RetailConnectionDialog> self(this);
    const qint64 id = m_connection.id;
    m_secrets->write(Secrets::SecretStore::connectionScope(id), Crm::RetailCrm::RetailSecretNames::apiKey(),
                     m_key->text().trimmed().toUtf8(), [self, id, adding](Common::Status written) {
                         if (self)
                             self->finishStored(id, adding, written);
                     });
}

void RetailConnectionDialog::finishStored(qint64 id, bool added, Common::Status written)
{
    Store::ConnectionRepo repo(m_db);
    if (!written) {
        // A connection without its key cannot send: take it back and say why.
        if (added) {
            (void)repo.remove(id);
            m_connection.id = 0;
        }
        setBusy(false, tr("Not saved: the key could not be kept: %1").arg(written.error().message));
        return;
    }
    if (!added) {
        if (auto updated = repo.update(m_connection); !updated) {
            setBusy(
                false,
                tr("The key is replaced, but the address and site are not: %1").arg(updated.error().message));
            return;
        }
    }
    m_key->clear();
    setBusy(false, tr("Saved."));
    Q_EMIT saved(id);
    accept();
}

} // namespace Gui
