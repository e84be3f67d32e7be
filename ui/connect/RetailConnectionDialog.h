// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RetailKeyCheck.h"
#include "store/ConnectionRepo.h"

#include <QDialog>
#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Secrets {
class SecretStore;
}

namespace Gui {

/**
 * Adds a RetailCRM connection, or replaces the API key of one: name, account address, API key
 * (a password field) and the site, picked from the sites the key can see after "Check connection".
 * Saving checks again with the chosen site (a refused key or an unknown site is shown and nothing is
 * kept), then stores the connection like `crmbridgectl connection add retailcrm`: the connection in
 * the database, the key only in the SecretStore; a connection whose key cannot be kept is removed
 * again. Opened with open() (window-modal); GUI thread; owned by the Connections page.
 */
class RetailConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    /** A new connection when @p existing has no id; else its key is replaced (and address, site). */
    RetailConnectionDialog(std::shared_ptr<Storage::Database> db,
                           std::shared_ptr<Secrets::SecretStore> secrets, const Store::Connection &existing,
                           QWidget *parent = nullptr);

    /** Checks the typed address and key and fills the site chooser. */
    void check();
    /** Checks with the chosen site, then stores the connection and its key; accepts when done. */
    void save();

Q_SIGNALS:
    /** The connection (its id) was stored with a working key. */
    void saved(qint64 connectionId);

private:
    /** The typed address, or an error said in the result label. */
    bool validInput(QUrl *url);
    void setBusy(bool busy, const QString &text);
    void showSites(const RetailAccount &account);
    void store();
    void finishStored(qint64 id, bool added, Common::Status written);

    std::shared_ptr<Storage::Database> m_db;
    std::shared_ptr<Secrets::SecretStore> m_secrets;
    Store::Connection m_connection;
    RetailKeyCheck *m_check;
    QLineEdit *m_name;
    QLineEdit *m_baseUrl;
    QLineEdit *m_key;
    QComboBox *m_site;
    QPushButton *m_checkButton;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
};

} // namespace Gui
