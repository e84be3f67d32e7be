// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "source/SourceRepo.h"
#include "storage/Database.h"

#include <QDialog>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

class QComboBox;
class QFormLayout;

namespace Source {
class SourceRegistry;
}

namespace Secrets {
class SecretStore;
}

namespace Gui {

/**
 * Adds a shop as a source — a miniShop2 (MODX) or 1C-Bitrix (the sale module) database: its platform,
 * name, address (mysql://user@host:port/database or sqlite:///path), table prefix (modx_, b_), for
 * Bitrix the site whose orders it reads, and the password (to the keychain, never the store); or a
 * MoySklad account: its API address (empty: MoySklad's own), an optional login, and the token (or the
 * login's password; to the keychain). "Test" connects
 * on a short-lived thread of its own and says what it sees (layout, orders); "Save" tests first, then
 * writes the password and the source. GUI thread; deletes itself when closed (WA_DeleteOnClose).
 */
class ShopSourceDialog : public QDialog
{
    Q_OBJECT
public:
    /** sources: the shop platforms this build reads (the app registers them). */
    ShopSourceDialog(std::shared_ptr<Storage::Database> db, std::shared_ptr<Secrets::SecretStore> secrets,
                     std::shared_ptr<const Source::SourceRegistry> sources, QWidget *parent = nullptr);

    /** Connects to the shop as the form says; the answer is shown and testFinished(ok) emitted. */
    void test();
    /** Tests, then saves; saved(name) when it is in the store. */
    void save();

Q_SIGNALS:
    void testFinished(bool ok);
    void saved(const QString &name);

private:
    /** The form's problem in words, empty when it can be tried. */
    QString problem() const;
    void runTest(bool thenSave);
    void store();
    void setBusy(bool busy);
    /** The platform picked: its prefix, address hint, Bitrix's site field and MoySklad's login follow. */
    void onKindChanged();
    Source::SourceRecord record() const;
    bool isMoySklad() const;

    std::shared_ptr<Storage::Database> m_db;
    std::shared_ptr<Secrets::SecretStore> m_secrets;
    std::shared_ptr<const Source::SourceRegistry> m_sources;
    QComboBox *m_kind;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_name;
    QLineEdit *m_site;
    QLineEdit *m_url;
    QLineEdit *m_prefix;
    QLineEdit *m_password;
    QLineEdit *m_login;
    QCheckBox *m_fromStart;
    QLabel *m_result;
    QPushButton *m_test;
    QPushButton *m_save;
};

} // namespace Gui
