// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopSourceDialog.h"

#include "common/SecretPlace.h"
#include "secrets/SecretStore.h"
#include "source/ShopDb.h"
#include "source/SourceRegistry.h"
#include "source/SourceRepo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QThread>
#include <QUrl>
#include <QVBoxLayout>

namespace Gui {

namespace {

/** What a test found, carried from the test's thread to the dialog. */
struct TestOutcome
{
    bool ok = false;
    QString text;
};

const QString kMiniShop2Prefix = QStringLiteral("modx_");
const QString kBitrixPrefix = QStringLiteral("b_");
const QString kMoySklad = QStringLiteral("moysklad");

} // namespace

ShopSourceDialog::ShopSourceDialog(std::shared_ptr<Storage::Database> db,
                                   std::shared_ptr<Secrets::SecretStore> secrets,
                                   std::shared_ptr<const Source::SourceRegistry> sources, QWidget *parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_secrets(std::move(secrets))
    , m_sources(std::move(sources))
    , m_kind(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_site(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_prefix(new QLineEdit(kMiniShop2Prefix, this))
    , m_password(new QLineEdit(this))
    , m_login(new QLineEdit(this))
    , m_fromStart(new QCheckBox(tr("Also send the orders already in the shop"), this))
    , m_result(new QLabel(this))
    , m_test(new QPushButton(tr("Test"), this))
    , m_save(new QPushButton(tr("Save"), this))
{
    setObjectName(QStringLiteral("shopSourceDialog"));
    setWindowTitle(tr("Add a shop"));
    m_kind->setObjectName(QStringLiteral("sourceKind"));
    m_kind->addItem(tr("miniShop2 (MODX)"), QStringLiteral("minishop2"));
    if (m_sources && m_sources->knows(QStringLiteral("bitrix")))
        m_kind->addItem(tr("1C-Bitrix (online store)"), QStringLiteral("bitrix"));
    if (m_sources && m_sources->knows(kMoySklad))
        m_kind->addItem(tr("MoySklad (retail and bonuses)"), kMoySklad);
    m_login->setObjectName(QStringLiteral("sourceLogin"));
    m_login->setPlaceholderText(tr("empty: the password field holds an API token"));
    m_site->setObjectName(QStringLiteral("sourceSite"));
    m_site->setPlaceholderText(tr("e.g. s1; empty: every site"));
    m_site->setToolTip(tr("The site (LID) whose orders this source reads, on a multi-site install"));
    m_name->setObjectName(QStringLiteral("sourceName"));
    m_name->setPlaceholderText(tr("e.g. shop"));
    m_url->setObjectName(QStringLiteral("sourceUrl"));
    m_url->setPlaceholderText(QStringLiteral("mysql://user@db.example:3306/modx"));
    m_prefix->setObjectName(QStringLiteral("sourcePrefix"));
    m_password->setObjectName(QStringLiteral("sourcePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_fromStart->setObjectName(QStringLiteral("sourceFromStart"));
    m_result->setObjectName(QStringLiteral("sourceTestResult"));
    m_result->setWordWrap(true);
    m_test->setObjectName(QStringLiteral("testSourceButton"));
    m_save->setObjectName(QStringLiteral("saveSourceButton"));

    auto *form = new QFormLayout;
    m_form = form;
    form->addRow(tr("Platform:"), m_kind);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Database address:"), m_url);
    form->addRow(tr("Table prefix:"), m_prefix);
    form->addRow(tr("Site:"), m_site);
    form->addRow(tr("Login:"), m_login);
    form->addRow(tr("Password:"), m_password);
    form->addRow(QString(), m_fromStart);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_test, QDialogButtonBox::ActionRole);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ShopSourceDialog::onKindChanged);
    onKindChanged();
    connect(m_test, &QPushButton::clicked, this, &ShopSourceDialog::test);
    connect(m_save, &QPushButton::clicked, this, &ShopSourceDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool ShopSourceDialog::isMoySklad() const
{
    return m_kind->currentData().toString() == kMoySklad;
}

void ShopSourceDialog::onKindChanged()
{
    const bool bitrix = m_kind->currentData().toString() == QLatin1String("bitrix");
    const bool moysklad = isMoySklad();
    // MoySklad is an HTTP API, not a database: an API address, a login or none, a token or password.
    m_form->setRowVisible(m_prefix, !moysklad);
    m_form->setRowVisible(m_login, moysklad);
    static_cast<QLabel *>(m_form->labelForField(m_url))
        ->setText(moysklad ? tr("API address:") : tr("Database address:"));
    static_cast<QLabel *>(m_form->labelForField(m_password))
        ->setText(moysklad ? tr("Token or password:") : tr("Password:"));
    const QString keptIn = m_secrets ? SecretPlace::keptIn(*m_secrets) : QString();
    m_password->setPlaceholderText(moysklad ? tr("The API token, or the login's password. %1").arg(keptIn)
                                            : tr("The database user's password. %1").arg(keptIn));
    if (moysklad) {
        m_url->setPlaceholderText(
            tr("empty: %1").arg(QStringLiteral("https://api.moysklad.ru/api/remap/1.2")));
        m_url->setToolTip(tr("MoySklad's JSON API 1.2; another address only for a test account"));
        m_form->setRowVisible(m_site, false);
        return;
    }
    m_url->setToolTip(tr("mysql://user@host:port/database, or sqlite:///path/shop.db; no password in it"));
    // The other platform's default prefix follows the choice; one the operator typed stays.
    const QString prefix = m_prefix->text().trimmed();
    if (prefix.isEmpty() || prefix == kMiniShop2Prefix || prefix == kBitrixPrefix)
        m_prefix->setText(bitrix ? kBitrixPrefix : kMiniShop2Prefix);
    m_url->setPlaceholderText(bitrix ? QStringLiteral("mysql://user@db.example:3306/sitemanager")
                                     : QStringLiteral("mysql://user@db.example:3306/modx"));
    m_form->setRowVisible(m_site, bitrix);
}

Source::SourceRecord ShopSourceDialog::record() const
{
    Source::SourceRecord record;
    record.name = m_name->text().trimmed();
    record.kind = m_kind->currentData().toString();
    record.config.insert(QStringLiteral("start"),
                         m_fromStart->isChecked() ? QStringLiteral("beginning") : QStringLiteral("latest"));
    if (isMoySklad()) {
        record.url = m_url->text().trimmed();
        if (!m_login->text().trimmed().isEmpty())
            record.config.insert(QStringLiteral("login"), m_login->text().trimmed());
        return record;
    }
    record.url = Source::ShopDbUrl::parse(m_url->text().trimmed())->toDisplayString();
    record.config.insert(QStringLiteral("prefix"), m_prefix->text().trimmed());
    if (record.kind == QLatin1String("bitrix") && !m_site->text().trimmed().isEmpty())
        record.config.insert(QStringLiteral("site"), m_site->text().trimmed());
    return record;
}

QString ShopSourceDialog::problem() const
{
    if (m_name->text().trimmed().isEmpty())
        return tr("Give the shop a name.");
    if (Source::SourceRepo(m_db).byName(m_name->text().trimmed()))
        return tr("A shop named “%1” exists already.").arg(m_name->text().trimmed());
    if (isMoySklad()) {
        if (m_password->text().trimmed().isEmpty())
            return m_login->text().trimmed().isEmpty() ? tr("Paste the MoySklad API token.")
                                                       : tr("Write the login's password.");
        const QString address = m_url->text().trimmed();
        const QUrl api(address);
        if (!address.isEmpty()
            && (!api.isValid() || !api.userInfo().isEmpty()
                || (api.scheme() != QLatin1String("https") && api.scheme() != QLatin1String("http"))))
            return tr("“%1” is not an API address (https://…/api/remap/1.2).").arg(address);
        return {};
    }
    auto url = Source::ShopDbUrl::parse(m_url->text().trimmed());
    if (!url)
        return url.error().message;
    if (!url->password.isEmpty())
        return tr("Put no password in the address: write it in the password field, it goes to the keychain.");
    return {};
}

void ShopSourceDialog::setBusy(bool busy)
{
    m_test->setEnabled(!busy);
    m_save->setEnabled(!busy);
}

void ShopSourceDialog::test()
{
    runTest(false);
}

void ShopSourceDialog::save()
{
    runTest(true);
}

void ShopSourceDialog::runTest(bool thenSave)
{
    if (const QString wrong = problem(); !wrong.isEmpty()) {
        m_result->setText(wrong);
        Q_EMIT testFinished(false);
        return;
    }
    setBusy(true);
    m_result->setText(tr("Connecting to the shop…"));
    const Source::SourceRecord record = this->record();
    const QByteArray password = m_password->text().toUtf8();
    auto outcome = std::make_shared<TestOutcome>();
    // A database that does not answer can take seconds: the window stays live meanwhile.
    QThread *thread = QThread::create([record, password, db = m_db, sources = m_sources, outcome] {
        auto source = sources->openWithPassword(record, db, password);
        if (!source) {
            outcome->text = source.error().message;
            return;
        }
        auto summary = source.value()->summary();
        if (!summary) {
            outcome->text = summary.error().message;
            return;
        }
        outcome->ok = true;
        outcome->text
            = tr("Connected: %1; %n order(s).", nullptr, int(summary->orders)).arg(summary->details);
    });
    QPointer<ShopSourceDialog> self(this);
    connect(thread, &QThread::finished, this, [self, thread, outcome, thenSave] {
        thread->deleteLater();
        if (!self)
            return;
        self->setBusy(false);
        self->m_result->setText(outcome->ok ? outcome->text
                                            : tr("The shop cannot be read: %1").arg(outcome->text));
        Q_EMIT self->testFinished(outcome->ok);
        if (outcome->ok && thenSave)
            self->store();
    });
    thread->start();
}

void ShopSourceDialog::store()
{
    const Source::SourceRecord record = this->record();
    QPointer<ShopSourceDialog> self(this);
    auto add = [self, record] {
        if (!self)
            return;
        auto added = Source::SourceRepo(self->m_db).add(record);
        if (!added) {
            self->m_result->setText(added.error().message);
            return;
        }
        Q_EMIT self->saved(record.name);
        self->accept();
    };
    const QByteArray password = m_password->text().toUtf8();
    if (password.isEmpty() || !m_secrets) {
        add();
        return;
    }
    setBusy(true);
    m_secrets->write(record.secretScope(), Source::SourceRecord::passwordSecretName(), password,
                     [self, add](Common::Status written) {
                         if (!self)
                             return;
                         self->setBusy(false);
                         if (!written) {
                             self->m_result->setText(written.error().message);
                             return;
                         }
                         add();
                     });
}

} // namespace Gui
